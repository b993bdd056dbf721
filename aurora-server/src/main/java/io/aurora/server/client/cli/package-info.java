/**
 * The command framework of {@code bin/aurora}: {@link io.aurora.server.client.cli.ClientContext}
 * (what every command gets), the seam to schedulers ({@link
 * io.aurora.server.client.cli.SchedulerConnector} giving an {@code AuroraAdmin.Iface}), how calls
 * are made ({@link io.aurora.server.client.cli.SchedulerCalls}: transient retries, one-line
 * failures), exit codes, argument types ({@code JobPath}, {@code InstanceSpec}) and output ({@code
 * TextTable}, {@code ProgressLine}). It knows no verb.
 */
package io.aurora.server.client.cli;
