package io.aurora.log.core;

import io.aurora.log.core.LogRecord.MetadataWrite;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What one call of a {@link ReplicaCore} produces (records, messages, learned positions,
 * outcomes), gathered until the call returns it as a {@link Ready}. Messages to the replica itself
 * wait in a local queue that the core handles before it returns.
 */
final class CoreOutput {
  private final ReplicaId self;
  private final List<LogRecord> persist = new ArrayList<>();
  private final List<Envelope> sends = new ArrayList<>();
  private final List<Learned> learned = new ArrayList<>();
  private final List<Outcome> outcomes = new ArrayList<>();
  private final ArrayDeque<Message> local = new ArrayDeque<>();
  /** The metadata as of the last Ready that asked for an fsync: what a crash cannot take back. */
  private ReplicaMetadata synced;
  /** Lazily persisted records exist that no fsync has covered yet. */
  private boolean lazyUnsynced;
  /** This call's Ready must fsync: a record was persisted eagerly, or lazy ones must be covered. */
  private boolean syncNeeded;

  CoreOutput(ReplicaId self, ReplicaMetadata durable) {
    this.self = self;
    this.synced = durable;
  }

  void send(ReplicaId to, Message m) {
    if (to.equals(self)) {
      local.add(m);
    } else {
      sends.add(new Envelope(self, to, m));
    }
  }

  /** Persists {@code r}, fsynced before this call's replies leave. */
  void persist(LogRecord r) {
    persist.add(r);
    syncNeeded = true;
  }

  /** Persists {@code r} with no fsync of its own: the next fsync covers it (storage keeps order). */
  void persistLazily(LogRecord r) {
    persist.add(r);
    lazyUnsynced = true;
  }

  /** Makes this call's Ready fsync if anything persisted lazily is not yet covered by an fsync. */
  void syncLazyWrites() {
    syncNeeded |= lazyUnsynced;
  }

  void learned(Learned l) {
    learned.add(l);
  }

  void outcome(Outcome o) {
    outcomes.add(o);
  }

  /** The next message this replica sent itself, or null. */
  Message pollLocal() {
    return local.poll();
  }

  /**
   * The Ready of the call, ending it.
   *
   * @param meta the metadata now
   * @param metaChanged whether the call changed it (then it is written)
   */
  Ready finish(ReplicaMetadata meta, boolean metaChanged) {
    boolean sync = syncNeeded;
    if (metaChanged) {
      persist.add(new MetadataWrite(meta));
      sync |= !onlyLearnedMoved(synced, meta);
    }
    if (sync) {
      synced = meta;
      lazyUnsynced = false;
    }
    syncNeeded = false;
    Ready r = new Ready(persist, sync, sends, learned, outcomes);
    persist.clear();
    sends.clear();
    learned.clear();
    outcomes.clear();
    return r;
  }

  /**
   * True if {@code now} differs from {@code before} only in how far it has learned. Such a change
   * needs no fsync of its own: a learned position is chosen (a quorum persisted it before anyone
   * learned it), so a replica that forgets having learned it after a crash learns it again from
   * a commit, a catch-up or the next writer's phase 1, and nothing it said before the crash can
   * have depended on the forgotten mark.
   */
  private static boolean onlyLearnedMoved(ReplicaMetadata before, ReplicaMetadata now) {
    return now.withLearned(before.begin(), before.learnedUpTo()).equals(before);
  }
}
