package io.aurora.log.core.sim;

import io.aurora.log.core.LogRecord;
import io.aurora.log.core.LogRecord.MetadataWrite;
import io.aurora.log.core.LogRecord.SlotWrite;
import io.aurora.log.core.LogRecord.TruncateBefore;
import io.aurora.log.core.Metadata;
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

  void write(LogRecord r) {
    unsynced.add(r);
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
  }

  void wipe() {
    synced.clear();
    unsynced.clear();
  }

  Optional<Metadata> metadata() {
    Metadata m = null;
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
