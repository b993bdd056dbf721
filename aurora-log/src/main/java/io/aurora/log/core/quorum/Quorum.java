package io.aurora.log.core.quorum;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * A configured quorum size and the majority rule it must obey.
 *
 * <p>Paxos is safe only if every two quorums intersect, which for quorums counted by size means
 * {@code 2 * size > n} for the n replicas that can ever vote. The log never knows n for sure, so the
 * guard uses the largest n it has evidence of.
 */
public record Quorum(int size) {
  public Quorum {
    checkArgument(size >= 1, "quorum size must be >= 1: %s", size);
  }

  /** floor(n/2)+1: the smallest strict majority of {@code n} replicas. */
  public static int majorityOf(int n) {
    checkArgument(n >= 1, "replica count must be >= 1: %s", n);
    return n / 2 + 1;
  }

  public boolean isReachedBy(int votes) {
    return votes >= size;
  }

  /** Whether every two quorums of this size among {@code n} replicas share a replica. */
  public boolean isMajorityOf(int n) {
    return 2L * size > n;
  }

  /**
   * The replica count this quorum is meant for when nothing else is known: 2q-1, the largest n for
   * which q is a majority.
   */
  public int assumedClusterSize() {
    return 2 * size - 1;
  }

  /**
   * Empty if this quorum is a strict majority of {@code knownReplicas}; otherwise the quorum size
   * that would be.
   */
  public Optional<Integer> misconfiguredFor(int knownReplicas) {
    return isMajorityOf(knownReplicas) ? Optional.empty() : Optional.of(majorityOf(knownReplicas));
  }
}
