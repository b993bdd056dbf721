package io.aurora.log.core;

import io.aurora.log.core.Message.StatusRequest;
import io.aurora.log.core.Message.StatusResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The status side of a {@link ReplicaCore}: it asks the others for their status (often while it
 * does not vote, now and then once it does), answers their requests, and moves a replica that does
 * not vote yet through EMPTY, STARTING or RECOVERING to VOTING by {@link StatusRules}.
 */
final class Recovery {
  private final ReplicaCore core;
  private final Map<ReplicaId, StatusResponse> statuses = new HashMap<>();
  private long lastStatusAt = Long.MIN_VALUE / 2;

  Recovery(ReplicaCore core) {
    this.core = core;
  }

  /**
   * On a tick: not voting, asks often (bootstrap or recover); voting but not writing, asks now and
   * then, so that a follower learns how far the others got even while no writer sends commits.
   */
  void tick() {
    ReplicaMetadata meta = core.metadata();
    int every = meta.status() == Status.VOTING ? core.config().retransmitTicks() * 5
        : core.config().retransmitTicks();
    if (!core.isWriter() && core.now() - lastStatusAt >= every) {
      lastStatusAt = core.now();
      statuses.clear();
      for (ReplicaId r : core.members()) {
        if (!r.equals(core.self())) {
          core.send(r, new StatusRequest());
        }
      }
      evaluate();
    }
  }

  void onRequest(ReplicaId from) {
    ReplicaMetadata meta = core.metadata();
    long end = Math.max(meta.learnedUpTo(), core.slots().isEmpty() ? 0 : core.slots().lastKey());
    core.send(from, new StatusResponse(meta.status(), meta.begin(), end, meta.learnedUpTo(),
        meta.promised()));
  }

  void onResponse(ReplicaId from, StatusResponse s) {
    statuses.put(from, s);
    if (core.status() != Status.VOTING) {
      evaluate();
    } else if (s.status() == Status.VOTING) {
      core.learner().noteLearned(from, s.learnedUpTo());
    }
  }

  /** The voting replica that answered with the most learned, or null. */
  ReplicaId mostLearnedVoter() {
    return statuses.entrySet().stream()
        .filter(e -> e.getValue().status() == Status.VOTING)
        .max(Map.Entry.comparingByValue(
            (a, b) -> Long.compare(a.learnedUpTo(), b.learnedUpTo())))
        .map(Map.Entry::getKey).orElse(null);
  }

  private void evaluate() {
    ReplicaMetadata next = StatusRules.next(core.metadata(), core.self(), statuses.values(),
        core.quorum(), core.knownReplicas());
    core.noteBallot(next.promised());
    core.setMeta(next);
    if (core.status() == Status.RECOVERING
        && core.quorum().isReachedBy((int) StatusRules.votingAnswers(statuses.values()))) {
      maybeFinish();
      core.learner().maybeCatchUp(true);
    }
  }

  /** A recovering replica that learned up to its target votes from now on. */
  void maybeFinish() {
    ReplicaMetadata meta = core.metadata();
    if (meta.status() == Status.RECOVERING && meta.learnedUpTo() >= meta.recoverTarget()) {
      core.setMeta(meta.withStatus(Status.VOTING).withVoter(core.self()));
    }
  }
}
