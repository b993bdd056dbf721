package io.aurora.log.core;

import io.aurora.log.core.quorum.Ballot;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The replica-wide state that is persisted with every change.
 *
 * @param status voting status
 * @param incarnation names this data directory; part of this replica's ballots
 * @param promised the highest ballot promised (for every position)
 * @param begin the first position not truncated
 * @param learnedUpTo every position in [begin, learnedUpTo] is learned here
 * @param recoverTarget while RECOVERING: the position up to which to learn before voting
 * @param voters every replica this replica has seen vote (itself included once VOTING): the
 *     evidence of the cluster size the quorum guard uses
 */
public record ReplicaMetadata(Status status, String incarnation, Ballot promised, long begin,
    long learnedUpTo, long recoverTarget, Set<ReplicaId> voters) {
  public ReplicaMetadata {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(incarnation, "incarnation");
    Objects.requireNonNull(promised, "promised");
    voters = Set.copyOf(voters);
  }

  /** The state of a replica whose directory is empty. */
  public static ReplicaMetadata empty(String incarnation) {
    return new ReplicaMetadata(Status.EMPTY, incarnation, Ballot.ZERO, 1, 0, 0, Set.of());
  }

  public ReplicaMetadata withStatus(Status s) {
    return new ReplicaMetadata(s, incarnation, promised, begin, learnedUpTo, recoverTarget, voters);
  }

  public ReplicaMetadata withPromised(Ballot b) {
    return new ReplicaMetadata(status, incarnation, b, begin, learnedUpTo, recoverTarget, voters);
  }

  public ReplicaMetadata withLearned(long begin, long learnedUpTo) {
    return new ReplicaMetadata(status, incarnation, promised, begin, learnedUpTo, recoverTarget, voters);
  }

  public ReplicaMetadata withRecoverTarget(long target) {
    return new ReplicaMetadata(status, incarnation, promised, begin, learnedUpTo, target, voters);
  }

  public ReplicaMetadata withVoter(ReplicaId voter) {
    if (voters.contains(voter)) {
      return this;
    }
    Set<ReplicaId> v = new TreeSet<>(voters);
    v.add(voter);
    return new ReplicaMetadata(status, incarnation, promised, begin, learnedUpTo, recoverTarget, v);
  }
}
