package io.aurora.log.core;

import io.aurora.log.core.LogRecord.SlotWrite;
import io.aurora.log.core.Message.Accept;
import io.aurora.log.core.Message.Accepted;
import io.aurora.log.core.Message.Prepare;
import io.aurora.log.core.Message.Promise;
import io.aurora.log.core.Message.Reject;
import io.aurora.log.core.quorum.Ballot;
import java.util.ArrayList;
import java.util.List;

/**
 * The acceptor role of a {@link ReplicaCore}: a promise needs a strictly higher ballot, an accept
 * an equal or higher one; a promise covers every position (Multi-Paxos), so phase 1 runs once per
 * election. A replica that does not vote yet stays silent. An Accept that asks for no vote is
 * stored without an fsync of its own and not answered; such slots are fsynced before any later
 * vote and at the next tick.
 */
final class Acceptor {
  private final ReplicaCore core;

  Acceptor(ReplicaCore core) {
    this.core = core;
  }

  void onPrepare(ReplicaId from, Prepare p) {
    if (!admit(from, p.ballot())) {
      return;
    }
    ReplicaMetadata meta = core.metadata();
    // Learned slots are chosen: the proposer copies them by catch-up, so only report the rest.
    long first = Math.max(Math.max(p.from(), meta.begin()), meta.learnedUpTo() + 1);
    List<Slot> reported = new ArrayList<>(core.slots().tailMap(first).values());
    core.send(from, new Promise(p.ballot(), meta.begin(), meta.learnedUpTo(), reported,
        meta.voters()));
  }

  void onAccept(ReplicaId from, Accept a) {
    if (!admit(from, a.ballot())) {
      return;
    }
    List<Long> acked = new ArrayList<>(a.slots().size());
    for (Slot s : a.slots()) {
      if (s.position() > core.learnedUpTo()) {
        Slot old = core.slots().put(s.position(), s);
        if (!s.equals(old)) {
          if (a.vote()) {
            core.persist(new SlotWrite(s));
          } else {
            core.persistLazily(new SlotWrite(s));
          }
        }
      } // else: learned (or truncated) already; a later ballot can only carry the same value
      acked.add(s.position());
    }
    if (a.vote()) {
      // The slots may have come earlier in a copy that asked for no vote, stored unsynced.
      core.syncLazyWrites();
      core.send(from, new Accepted(a.ballot(), acked));
    }
    core.learner().learnFrom(a.ballot(), a.commitUpTo(), from);
  }

  /**
   * Whether a request of {@code ballot} may be answered: not while this replica does not vote
   * (silence: the proposer counts on others or retries); a lower ballot than promised is rejected;
   * a higher one is promised first.
   */
  private boolean admit(ReplicaId from, Ballot ballot) {
    ReplicaMetadata meta = core.metadata();
    if (meta.status() != Status.VOTING) {
      return false;
    }
    int c = ballot.compareTo(meta.promised());
    if (c < 0) {
      core.send(from, new Reject(ballot, meta.promised()));
      return false;
    }
    if (c > 0) {
      core.promise(ballot);
    }
    return true;
  }
}
