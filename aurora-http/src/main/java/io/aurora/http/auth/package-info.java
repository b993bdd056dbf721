/**
 * HTTP authentication ({@code -http_authentication_mechanism}): a {@link
 * io.aurora.http.auth.RequestAuthenticator} turns a request's {@code Authorization} header into an
 * {@link io.aurora.http.auth.Authentication}: a {@link io.aurora.scheduling.auth.Caller}, nobody,
 * or a refusal. {@link io.aurora.http.auth.BasicAuthenticator} checks HTTP Basic credentials
 * against Apache Shiro realms (the INI realm of {@code -shiro_ini_path}) and its callers match
 * permissions with Shiro's wildcard permissions. Authorization itself happens in
 * aurora-scheduling ({@code io.aurora.scheduling.auth}), which sees only the {@code Caller}.
 *
 * <p>Credentials never leave this package: no message, log line or exception carries a
 * password or the header it came in.
 */
package io.aurora.http.auth;
