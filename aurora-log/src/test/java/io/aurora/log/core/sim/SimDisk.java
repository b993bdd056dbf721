package io.aurora.log.core.sim;

import io.aurora.log.core.LogRecord;
import io.aurora.log.core.LogRecord.MetadataWrite;
import io.aurora.log.core.LogRecord.SlotWrite;
import io.aurora.log.core.LogRecord.TruncateBefore;
import io.aurora.log.core.ReplicaMetadata;
import io.aurora.log.core.Slot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * An append-only disk that keeps records in order. On a crash, records written since the last sync
 * are lost, except a random prefix of them (the kernel flushed some), and the last surviving one may
 * be torn (dropped, as the real storage drops a partial last record).
 */
final class SimDisk {
  private final List<LogRecord> synced = new ArrayList<>();
  private final List<LogRecord> unsynced = new ArrayList<>();
  /** The slots as the written records leave them, synced or not: what reads see. */
  private final TreeMap<Long, Slot> current = new TreeMap<>();
  private long currentTruncation;

  void write(LogRecord r) {
    unsynced.add(r);
    index(r);
  }

  /** The slot last written at {@code position}, synced or not, as the runtime's storage reads. */
  Optional<Slot> slot(long position) {
    return Optional.ofNullable(current.get(position));
  }

  private void index(LogRecord r) {
    if (r instanceof SlotWrite w) {
      // As the real storage: a write below the truncation point is ignored.
      if (w.slot().position() >= currentTruncation) {
        current.put(w.slot().position(), w.slot());
      }
    } else if (r instanceof TruncateBefore t && t.position() > currentTruncation) {
      currentTruncation = t.position();
      current.headMap(t.position()).clear();
    }
  }

  private void reindex() {
    current.clear();
    currentTruncation = 0;
    synced.forEach(this::index);
  }

  void sync() {
    synced.addAll(unsynced);
    unsynced.clear();
  }

  void crash(Random random) {
    int kept = unsynced.isEmpty() ? 0 : random.nextInt(unsynced.size() + 1);
    if (kept > 0 && random.nextBoolean()) {
      kept--; // torn last record
    }
    synced.addAll(unsynced.subList(0, kept));
    unsynced.clear();
    reindex();
  }

  void wipe() {
    synced.clear();
    unsynced.clear();
    reindex();
  }

  Optional<ReplicaMetadata> metadata() {
    ReplicaMetadata m = null;
    for (LogRecord r : synced) {
      if (r instanceof MetadataWrite w) {
        m = w.metadata();
      }
    }
    return Optional.ofNullable(m);
  }

  long truncationPoint() {
    long t = 0;
    for (LogRecord r : synced) {
      if (r instanceof TruncateBefore tb) {
        t = Math.max(t, tb.position());
      }
    }
    return t;
  }

  Collection<Slot> slots() {
    TreeMap<Long, Slot> slots = new TreeMap<>();
    for (LogRecord r : synced) {
      if (r instanceof SlotWrite w) {
        slots.put(w.slot().position(), w.slot());
      } else if (r instanceof TruncateBefore t) {
        slots.headMap(t.position()).clear();
      }
    }
    return slots.values();
  }
}
