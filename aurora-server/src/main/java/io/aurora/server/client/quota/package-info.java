/**
 * {@code aurora quota get CLUSTER/ROLE} (a role's quota, production consumption and what is free,
 * as a table) and {@code aurora admin set-quota CLUSTER/ROLE CPUS RAM DISK} (RAM and disk with a
 * unit: {@code 512MB}, {@code 4GB}). Commands reach the scheduler only through
 * {@link io.aurora.server.client.cli.ClientContext}.
 */
package io.aurora.server.client.quota;
