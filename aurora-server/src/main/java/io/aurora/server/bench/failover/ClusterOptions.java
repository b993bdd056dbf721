package io.aurora.server.bench.failover;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FailoverCluster} starts.
 *
 * @param home the unzipped distribution ({@code bin/aurora-scheduler}, {@code bin/aurora-local-mesos})
 * @param dir where data directories and process output go
 * @param zkConnect the ZooKeeper every scheduler uses
 * @param schedulers how many schedulers
 * @param quorum {@code -native_log_quorum_size} of each
 * @param zkSessionTimeout {@code -zk_session_timeout}: how long a killed leader's nodes live on
 * @param simulatedAgents agents of {@code aurora-local-mesos} that run nothing
 * @param simulatedAgentResources resources of each simulated agent
 * @param schedulerJavaOpts {@code JAVA_OPTS} of each scheduler
 * @param extraFlags appended to every scheduler's flags
 * @param mesosJavaOpts {@code JAVA_OPTS} of {@code aurora-local-mesos} (it holds every task)
 * @param localAgents agents of {@code aurora-local-mesos} that run each task as a real process
 * @param localAgentResources resources of each local agent ({@code -local_agent_resources});
 *     empty: {@code aurora-local-mesos}'s default, this machine's
 */
public record ClusterOptions(Path home, Path dir, String zkConnect, int schedulers, int quorum,
    Duration zkSessionTimeout, int simulatedAgents, String simulatedAgentResources,
    String schedulerJavaOpts, List<String> extraFlags, String mesosJavaOpts,
    int localAgents, String localAgentResources) {

  /** Checks arguments. */
  public ClusterOptions {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(zkConnect, "zkConnect");
    Objects.requireNonNull(zkSessionTimeout, "zkSessionTimeout");
    Objects.requireNonNull(simulatedAgentResources, "simulatedAgentResources");
    Objects.requireNonNull(schedulerJavaOpts, "schedulerJavaOpts");
    Objects.requireNonNull(mesosJavaOpts, "mesosJavaOpts");
    Objects.requireNonNull(localAgentResources, "localAgentResources");
    extraFlags = List.copyOf(extraFlags);
    if (schedulers < 1 || quorum < 1 || simulatedAgents < 0 || localAgents < 0
        || simulatedAgents + localAgents < 1) {
      throw new IllegalArgumentException("need at least one scheduler, quorum 1 and one agent");
    }
  }

  /** A cluster whose agents are all simulated (they run nothing): the failover runs'. */
  public ClusterOptions(Path home, Path dir, String zkConnect, int schedulers, int quorum,
      Duration zkSessionTimeout, int simulatedAgents, String simulatedAgentResources,
      String schedulerJavaOpts, List<String> extraFlags, String mesosJavaOpts) {
    this(home, dir, zkConnect, schedulers, quorum, zkSessionTimeout, simulatedAgents,
        simulatedAgentResources, schedulerJavaOpts, extraFlags, mesosJavaOpts, 0, "");
  }
}
