package io.aurora.server.client.cli;

import java.util.Optional;

/**
 * The seam between commands and schedulers: given the cluster a command names (the first part of
 * {@code CLUSTER/ROLE/ENV/NAME}, empty when the command names none), it finds that cluster's
 * scheduler. The command line's implementation honours {@code --scheduler}, {@code --zk} and
 * {@code $AURORA_SCHEDULER_URL}; a {@code clusters.json} lookup plugs in here; tests hand in a fake
 * {@code AuroraAdmin.Iface}.
 */
@FunctionalInterface
public interface SchedulerConnector {
  /**
   * The scheduler of {@code cluster}.
   *
   * @throws ClientFailure when it cannot be found or reached (one line for the user)
   */
  SchedulerHandle connect(Optional<String> cluster);
}
