/**
 * Authorization of API calls, given the caller's identity: {@link io.aurora.scheduling.auth.Caller}
 * is who calls (established by the transport: HTTP authentication in aurora-http, or nobody on
 * the Thrift TCP port), {@link io.aurora.scheduling.auth.ApiMethods} says which methods read and
 * which change state, and {@link io.aurora.scheduling.auth.SecuredApi} hands each caller a view of
 * the API that checks Aurora's permissions before any area runs and writes one line per
 * state-changing call to the audit log ({@link io.aurora.scheduling.auth.AuditLog}).
 *
 * <p>Permissions are Aurora's: {@code thrift.AuroraSchedulerManager:<method>:<role>:<env>:<name>}
 * for job calls and {@code thrift.AuroraAdmin:<method>} for admin calls; reads need nothing. This
 * package never sees an HTTP type or a security library: how a permission is matched is the
 * {@link io.aurora.scheduling.auth.Caller}'s business.
 */
package io.aurora.scheduling.auth;
