package io.aurora.storage.durable;

import io.aurora.gen.storage.LogEntry;
import io.aurora.gen.storage.Snapshot;
import io.aurora.gen.storage.Transaction;
import io.aurora.gen.storage.storageConstants;
import io.aurora.log.Entry;
import io.aurora.storage.mem.StoreState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds state from log records, the same way for cold recovery, for a follower tailing the log
 * and for a new leader catching up.
 *
 * <p>A snapshot describes the state at its {@code logPosition}, which may be earlier than the
 * snapshot entry itself (it is built while writes go on). So: a replayer whose state is known
 * (it started from an empty, never truncated log, or has already loaded a snapshot) applies every
 * transaction and skips snapshots it is already past. A replayer that starts at a truncated
 * beginning does not know the state the first transactions apply to: it holds them until the first
 * snapshot, loads it, then applies the held transactions that come after the snapshot's position.
 * The held transactions are only those written while that snapshot was being built.
 */
final class Replayer {
  private final EntryDecoder decoder = new EntryDecoder();
  private final List<EntryDecoder.Decoded> held = new ArrayList<>();
  private StoreState state;
  private boolean baseKnown;
  private long entriesApplied;
  private long snapshotsLoaded;
  private long lastRecord;

  /**
   * @param start the state before the first record fed (empty for a log read from its beginning)
   * @param baseKnown whether {@code start} is the state the next record applies to
   */
  Replayer(StoreState start, boolean baseKnown) {
    this.state = start;
    this.baseKnown = baseKnown;
  }

  /** Feeds one record, in log order. */
  void accept(Entry record) {
    lastRecord = record.position().value();
    // A replayer whose state is known never loads a snapshot it is already past: the decoder can
    // then skip decoding it (a follower sees every snapshot the leader writes).
    Optional<EntryDecoder.Decoded> decoded =
        decoder.accept(record, baseKnown ? state.logPosition() : -1);
    decoded.ifPresent(this::apply);
  }

  private void apply(EntryDecoder.Decoded decoded) {
    LogEntry entry = decoded.entry();
    long position = decoded.position();
    entriesApplied++;
    if (entry.isSetSnapshot()) {
      Snapshot snapshot = entry.getSnapshot();
      long covered = snapshot.isSetLogPosition() ? snapshot.getLogPosition() : 0;
      if (baseKnown && covered <= state.logPosition()) {
        state = state.atPosition(position);
        return;
      }
      state = StoreState.fromSnapshot(snapshot);
      snapshotsLoaded++;
      baseKnown = true;
      for (EntryDecoder.Decoded h : held) {
        if (h.position() > covered) {
          applyTransaction(h);
        }
      }
      held.clear();
      state = state.atPosition(position);
    } else if (entry.isSetTransaction()) {
      if (baseKnown) {
        applyTransaction(decoded);
      } else {
        held.add(decoded);
      }
    } else if (baseKnown) {
      state = state.atPosition(position);
    }
  }

  private void applyTransaction(EntryDecoder.Decoded decoded) {
    Transaction tx = decoded.entry().getTransaction();
    if (tx.getSchemaVersion() > storageConstants.CURRENT_SCHEMA_VERSION) {
      throw new CorruptEntryException("transaction at " + decoded.position() + " has schema version "
          + tx.getSchemaVersion() + ", newer than this scheduler's "
          + storageConstants.CURRENT_SCHEMA_VERSION);
    }
    try {
      state = state.apply(tx.getOps() == null ? List.of() : tx.getOps(), decoded.position());
    } catch (IllegalStateException e) {
      throw new CorruptEntryException("transaction at " + decoded.position()
          + " does not apply to the state before it: " + e.getMessage(), e);
    }
  }

  /**
   * The state so far.
   *
   * @throws CorruptEntryException if the log began after a truncation and no snapshot was found
   */
  StoreState state() {
    if (!baseKnown && !held.isEmpty()) {
      throw new CorruptEntryException("the log was truncated but holds no snapshot before "
          + held.get(held.size() - 1).position());
    }
    return state;
  }

  /** The position of the last record fed (0 for none): read on from the one after it. */
  long lastRecord() {
    return lastRecord;
  }

  boolean baseKnown() {
    return baseKnown;
  }

  long entriesApplied() {
    return entriesApplied;
  }

  long snapshotsLoaded() {
    return snapshotsLoaded;
  }

  long abandonedFrames() {
    return decoder.abandonedFrames();
  }
}
