/**
 * {@code aurora host}: host maintenance from the command line ({@code start-maintenance}, {@code
 * drain}, {@code sla-drain}, {@code status}, {@code end}), Aurora's {@code aurora_admin host_*}
 * and {@code sla_host_drain} verbs in the one client entry point.
 */
package io.aurora.server.client.host;
