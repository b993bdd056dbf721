package io.aurora.log.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random operations against FileLogStorage and MemoryLogStorage as the model, with tiny segments so
 * rolling and reclamation happen constantly. After a reopen that follows a sync the two must agree;
 * after a close without sync the file storage must equal the model after some prefix of the
 * unsynced writes (a crash keeps a prefix, never a subset with holes).
 */
class FileLogStorageModelTest {
  @TempDir Path dir;

  /** Raise with {@code -Daurora.log.storageModelSeeds=200} for a longer search. */
  private static final int SEEDS = Integer.getInteger("aurora.log.storageModelSeeds", 5);

  @Test
  void randomOperations_matchTheModel_acrossReopens() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      run(seed, dir.resolve("seed-" + seed));
    }
  }

  private static void run(long seed, Path path) {
    Random random = new Random(seed);
    FileLogStorage.Options options = FileLogStorage.Options.defaults().withSegmentBytes(4096);
    MemoryLogStorage synced = new MemoryLogStorage();
    List<Consumer<LogStorage>> unsynced = new ArrayList<>();
    FileLogStorage file = FileLogStorage.open(path, options);
    long base = 0;
    try {
      for (int step = 0; step < 300; step++) {
        int op = random.nextInt(100);
        Consumer<LogStorage> write = null;
        if (op < 60) {
          long position = base + random.nextInt(40);
          byte[] record = new byte[random.nextInt(400)];
          random.nextBytes(record);
          write = s -> s.put(position, record);
        } else if (op < 67) {
          byte[] meta = new byte[random.nextInt(50)];
          random.nextBytes(meta);
          write = s -> s.putMetadata(meta);
        } else if (op < 72) {
          base += random.nextInt(20);
          long point = base;
          write = s -> s.truncateBefore(point);
        } else if (op < 90) {
          file.sync();
          applyAll(unsynced, synced);
        } else if (op < 95) {
          file.sync();
          applyAll(unsynced, synced);
          file.close();
          file = FileLogStorage.open(path, options);
          assertSame(seed, step, synced, file);
        } else {
          file.close();
          file = FileLogStorage.open(path, options);
          MemoryLogStorage match = matchingPrefix(synced, unsynced, file);
          assertThat(match).as("seed %s step %s: state is a prefix of the writes", seed, step)
              .isNotNull();
          unsynced.clear();
          synced = match;
        }
        if (write != null) {
          write.accept(file);
          unsynced.add(write);
          MemoryLogStorage current = synced.copy();
          applyAll(new ArrayList<>(unsynced), current);
          assertSame(seed, step, current, file);
        }
      }
    } finally {
      file.close();
    }
  }

  /** Applies and clears {@code writes}. */
  private static void applyAll(List<Consumer<LogStorage>> writes, LogStorage target) {
    writes.forEach(w -> w.accept(target));
    writes.clear();
  }

  private static MemoryLogStorage matchingPrefix(MemoryLogStorage synced,
      List<Consumer<LogStorage>> unsynced, LogStorage actual) {
    MemoryLogStorage candidate = synced.copy();
    if (sameState(candidate, actual)) {
      return candidate;
    }
    for (Consumer<LogStorage> write : unsynced) {
      write.accept(candidate);
      if (sameState(candidate, actual)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean sameState(LogStorage expected, LogStorage actual) {
    if (!expected.firstPosition().equals(actual.firstPosition())
        || !expected.lastPosition().equals(actual.lastPosition())
        || expected.truncationPoint() != actual.truncationPoint()
        || !Arrays.equals(expected.metadata().orElse(null), actual.metadata().orElse(null))) {
      return false;
    }
    if (expected.firstPosition().isEmpty()) {
      return true;
    }
    for (long p = expected.firstPosition().getAsLong(); p <= expected.lastPosition().getAsLong();
        p++) {
      if (!Arrays.equals(expected.get(p).orElse(null), actual.get(p).orElse(null))) {
        return false;
      }
    }
    return true;
  }

  private static void assertSame(long seed, int step, LogStorage expected, LogStorage actual) {
    assertThat(sameState(expected, actual)).as("seed %s step %s", seed, step).isTrue();
  }
}
