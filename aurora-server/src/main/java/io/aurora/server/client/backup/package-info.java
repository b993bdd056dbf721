/**
 * {@code aurora backup now|list}, {@code aurora recovery stage|query|delete-tasks|commit|unload}
 * and {@code aurora snapshot}: the operator's calls for the scheduler's backups, the staged
 * recovery from one of them, and log snapshots (Aurora's {@code aurora_admin scheduler_*}
 * commands). Every verb takes the CLUSTER first, as Aurora's admin client does.
 */
package io.aurora.server.client.backup;
