package io.aurora.log.core;

import io.aurora.log.core.Message.StatusResponse;
import io.aurora.log.core.quorum.Ballot;
import io.aurora.log.core.quorum.Quorum;
import java.util.Collection;
import java.util.List;

/**
 * How a replica that does not vote yet moves on, as a pure function of one round of status
 * answers from the other replicas.
 *
 * <ul>
 *   <li>A quorum of VOTING answers: the log exists; become RECOVERING with the highest position
 *       they hold as the target and their highest promise as our own (a lost disk may have
 *       promised it), and vote only once everything up to the target is learned here.
 *   <li>Otherwise, every known replica (at least 2q-1) EMPTY or STARTING: nobody ever voted, so a
 *       new log starts: EMPTY -> STARTING, then STARTING -> VOTING once every replica is STARTING
 *       or VOTING. Two rounds, so that no replica votes while another may still recover.
 * </ul>
 */
final class StatusRules {
  private StatusRules() {}

  static long votingAnswers(Collection<StatusResponse> answers) {
    return answers.stream().filter(s -> s.status() == Status.VOTING).count();
  }

  /** The metadata after this round (the same object if nothing changes). */
  static ReplicaMetadata next(ReplicaMetadata meta, ReplicaId self, Collection<StatusResponse> answers,
      Quorum quorum, int knownReplicas) {
    Status status = meta.status();
    if (status == Status.VOTING) {
      return meta;
    }
    List<StatusResponse> voting = answers.stream()
        .filter(s -> s.status() == Status.VOTING).toList();
    if (quorum.isReachedBy(voting.size())) {
      if (status == Status.RECOVERING) {
        return meta;
      }
      long target = voting.stream().mapToLong(StatusResponse::end).max().orElse(0);
      Ballot promised = meta.promised();
      for (StatusResponse s : voting) {
        promised = Ballot.max(promised, s.promised());
      }
      return meta.withStatus(Status.RECOVERING).withRecoverTarget(target).withPromised(promised);
    }
    int cluster = Math.max(knownReplicas, quorum.assumedClusterSize());
    ReplicaMetadata m = meta;
    if (status == Status.EMPTY) {
      long fresh = 1 + answers.stream()
          .filter(s -> s.status() == Status.EMPTY || s.status() == Status.STARTING).count();
      if (fresh >= cluster) {
        m = m.withStatus(Status.STARTING);
        status = Status.STARTING; // a lone replica (cluster of one) goes on to VOTING at once
      }
    }
    if (status == Status.STARTING) {
      long started = 1 + answers.stream()
          .filter(s -> s.status() == Status.STARTING || s.status() == Status.VOTING).count();
      if (started >= cluster) {
        m = m.withStatus(Status.VOTING).withVoter(self);
      }
    }
    return m;
  }
}
