package io.aurora.log.core;

import io.aurora.log.core.LogRecord.SlotWrite;
import io.aurora.log.core.LogRecord.TruncateBefore;
import io.aurora.log.core.Message.CatchupRequest;
import io.aurora.log.core.Message.CatchupResponse;
import io.aurora.log.core.quorum.Ballot;
import java.util.ArrayList;
import java.util.List;

/**
 * The learner role of a {@link ReplicaCore}. Learning is by a contiguous prefix: a replica learns
 * position p when the writer's commit index covers p and it accepted p under that writer's ballot.
 * Otherwise it catches up: it tracks the highest commit index it has heard of and who said it, and
 * asks that replica (or the most advanced voting one) for the learned slots after its own prefix,
 * at most once per retransmit period unless a response just arrived. It serves such requests from
 * its own learned slots, bounded in count and bytes; values evicted from memory go out as
 * placeholders that the runtime fills from storage ({@link EvictedSlots}). A learned truncation
 * drops the slots before it.
 */
final class Learner {
  /** Payload bytes one catch-up response carries at most (beyond its first slot). */
  static final long MAX_MESSAGE_BYTES = 4L << 20;

  private final ReplicaCore core;
  private long knownCommit;
  private ReplicaId commitSource;
  private long lastCatchupAt = Long.MIN_VALUE / 2;

  Learner(ReplicaCore core) {
    this.core = core;
  }

  /** The writer of {@code ballot} says every position up to {@code upTo} is chosen. */
  void learnFrom(Ballot ballot, long upTo, ReplicaId source) {
    if (upTo > knownCommit) {
      knownCommit = upTo;
      if (!source.equals(core.self())) {
        commitSource = source;
      }
    }
    long l = core.learnedUpTo();
    while (l < upTo) {
      Slot s = core.slots().get(l + 1);
      if (s == null || !s.ballot().equals(ballot)) {
        break;
      }
      l++;
    }
    advanceLearned(l);
    maybeCatchUp(false);
  }

  /** Learns every position up to {@code to}, which this replica holds. */
  private void advanceLearned(long to) {
    long before = core.learnedUpTo();
    for (long p = core.learnedUpTo() + 1; p <= to; p++) {
      Slot s = core.slots().get(p);
      if (s == null) {
        throw new IllegalStateException("learning position " + p + " without a value");
      }
      ReplicaMetadata meta = core.metadata();
      core.setMeta(meta.withLearned(meta.begin(), p));
      core.learned(new Learned(p, s.value()));
      if (s.value().kind() == Value.Kind.TRUNCATE) {
        // Never truncate the truncation itself: the log keeps its own end.
        truncateBefore(Math.min(s.value().truncateBefore(), p));
      }
    }
    core.recovery().maybeFinish();
    if (core.learnedUpTo() > before) {
      core.evictLearnedValues();
      core.onLearned();
    }
  }

  private void truncateBefore(long newBegin) {
    ReplicaMetadata meta = core.metadata();
    if (newBegin <= meta.begin()) {
      return;
    }
    core.slots().headMap(newBegin).clear();
    core.persist(new TruncateBefore(newBegin));
    core.setMeta(meta.withLearned(newBegin, Math.max(meta.learnedUpTo(), newBegin - 1)));
  }

  /**
   * Positions before {@code begin} were truncated by a chosen truncation; skip to it. Readers see
   * this as a new {@link ReplicaCore#begin()}.
   */
  void jumpTo(long begin) {
    if (begin > core.learnedUpTo() + 1) {
      truncateBefore(begin);
    }
  }

  /** A voting replica reported that it learned up to {@code learnedUpTo}. */
  void noteLearned(ReplicaId from, long learnedUpTo) {
    if (learnedUpTo > knownCommit) {
      knownCommit = learnedUpTo;
      commitSource = from;
      maybeCatchUp(false);
    }
  }

  /** Copies learned positions up to {@code upTo} from {@code source} now. */
  void catchUpFrom(ReplicaId source, long upTo) {
    knownCommit = Math.max(knownCommit, upTo);
    commitSource = source;
    maybeCatchUp(true);
  }

  /** Asks for the missing learned positions, if any, unless asked recently and not {@code now}. */
  void maybeCatchUp(boolean now) {
    ReplicaMetadata meta = core.metadata();
    long target = Math.max(knownCommit,
        meta.status() == Status.RECOVERING ? meta.recoverTarget() : 0);
    if (meta.learnedUpTo() >= target || meta.status() == Status.EMPTY
        || meta.status() == Status.STARTING) {
      return;
    }
    if (!now && core.now() - lastCatchupAt < core.config().retransmitTicks()) {
      return;
    }
    ReplicaId source = commitSource;
    if (source == null || source.equals(core.self())) {
      source = core.recovery().mostLearnedVoter();
    }
    if (source == null || source.equals(core.self())) {
      return;
    }
    lastCatchupAt = core.now();
    core.send(source, new CatchupRequest(meta.learnedUpTo() + 1, target));
  }

  void onCatchupRequest(ReplicaId from, CatchupRequest c) {
    ReplicaMetadata meta = core.metadata();
    if (meta.status() != Status.VOTING) {
      return;
    }
    long first = Math.max(c.from(), meta.begin());
    long last = Math.min(Math.min(c.to(), meta.learnedUpTo()),
        first + core.config().catchupBatch() - 1);
    if (first > last && meta.begin() <= c.from()) {
      return;
    }
    List<Slot> out = new ArrayList<>();
    long bytes = 0;
    for (long p = first; p <= last; p++) {
      Slot slot = core.slots().get(p);
      if (slot == null) {
        // Evicted from memory: the runtime fills it from storage and keeps the byte bound.
        out.add(new Slot(p, Ballot.ZERO, Value.evicted()));
        continue;
      }
      // Bounded in bytes too: a message must fit the transport's frame.
      if (!out.isEmpty() && bytes + slot.value().data().length > MAX_MESSAGE_BYTES) {
        break;
      }
      out.add(slot);
      bytes += slot.value().data().length;
    }
    core.send(from, new CatchupResponse(meta.begin(), meta.learnedUpTo(), out));
  }

  void onCatchupResponse(ReplicaId from, CatchupResponse r) {
    Status status = core.status();
    if (status == Status.EMPTY || status == Status.STARTING) {
      return;
    }
    jumpTo(r.begin());
    long before = core.learnedUpTo();
    for (Slot s : r.slots()) {
      if (s.value().isEvicted()) {
        break; // never on the wire (the codec refuses it); a sender that did not fill it
      }
      if (s.position() != core.learnedUpTo() + 1) {
        continue;
      }
      core.slots().put(s.position(), s);
      core.persist(new SlotWrite(s));
      advanceLearned(s.position());
    }
    if (r.learnedUpTo() > knownCommit) {
      knownCommit = r.learnedUpTo();
      commitSource = from;
    }
    if (core.learnedUpTo() > before) {
      maybeCatchUp(true); // keep streaming while the source has more
    }
  }
}
