package io.aurora.log.core;

import static com.google.common.base.Preconditions.checkArgument;

import io.aurora.log.core.quorum.Quorum;
import java.util.Objects;
import java.util.Set;

/**
 * Fixed settings of one replica's core. Timeouts are in ticks.
 *
 * @param self this replica
 * @param quorum the configured quorum
 * @param replicas the replicas known at start (static peers or the group), self included or not
 * @param electionTicks how long an election attempt may wait for a quorum of promises
 * @param writeTicks how long a write may wait to be chosen before the writer gives up
 * @param retransmitTicks how long to wait before resending an unanswered request
 * @param catchupBatch how many slots one catch-up response carries at most
 * @param learnedValuesInMemory how many of the latest learned positions keep their value in memory;
 *     older learned values are evicted (storage holds them, and the runtime reads them from there)
 */
public record CoreConfig(ReplicaId self, Quorum quorum, Set<ReplicaId> replicas, int electionTicks,
    int writeTicks, int retransmitTicks, int catchupBatch, int learnedValuesInMemory) {
  /** Learned values kept in memory unless configured otherwise. */
  public static final int DEFAULT_LEARNED_VALUES_IN_MEMORY = 4096;

  public CoreConfig {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(quorum, "quorum");
    replicas = Set.copyOf(replicas);
    checkArgument(electionTicks >= 1 && writeTicks >= 1 && retransmitTicks >= 1,
        "tick counts must be >= 1");
    checkArgument(catchupBatch >= 1, "catchupBatch must be >= 1: %s", catchupBatch);
    checkArgument(learnedValuesInMemory >= 1, "learnedValuesInMemory must be >= 1: %s",
        learnedValuesInMemory);
  }

  /** A config that keeps {@link #DEFAULT_LEARNED_VALUES_IN_MEMORY} learned values in memory. */
  public CoreConfig(ReplicaId self, Quorum quorum, Set<ReplicaId> replicas, int electionTicks,
      int writeTicks, int retransmitTicks, int catchupBatch) {
    this(self, quorum, replicas, electionTicks, writeTicks, retransmitTicks, catchupBatch,
        DEFAULT_LEARNED_VALUES_IN_MEMORY);
  }
}
