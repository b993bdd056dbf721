package io.aurora.log.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment rolling, space reclamation, crash ordering and the directory lock of FileLogStorage. */
class FileLogStorageSegmentsTest {
  @TempDir Path dir;

  private FileLogStorage open() {
    return FileLogStorage.open(dir, FileLogStorage.Options.defaults().withSegmentBytes(4096));
  }

  private static byte[] record(long p) {
    byte[] record = new byte[200];
    java.util.Arrays.fill(record, (byte) p);
    return record;
  }

  private long segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".seg")).count();
    }
  }

  @Test
  void segments_rollAtTheSizeLimit_andRecordsReadBackAcrossThem() throws IOException {
    try (FileLogStorage storage = open()) {
      for (long p = 0; p < 100; p++) {
        storage.put(p, record(p));
      }
      storage.sync();
      assertThat(storage.segmentCount()).isGreaterThanOrEqualTo(5);
      assertThat(segmentFiles()).isEqualTo(storage.segmentCount());
      for (long p = 0; p < 100; p++) {
        assertThat(storage.get(p)).hasValue(record(p));
      }
    }
  }

  @Test
  void truncate_deletesDeadSegments_atTheNextSync() throws IOException {
    try (FileLogStorage storage = open()) {
      for (long p = 0; p < 100; p++) {
        storage.put(p, record(p));
      }
      storage.sync();
      long before = segmentFiles();
      storage.truncateBefore(90);
      assertThat(segmentFiles()).isEqualTo(before);
      storage.sync();
      assertThat(segmentFiles()).isLessThanOrEqualTo(2);
      assertThat(storage.get(90)).hasValue(record(90));
    }
    try (FileLogStorage storage = open()) {
      assertThat(storage.firstPosition()).hasValue(90);
      assertThat(storage.lastPosition()).hasValue(99);
      assertThat(storage.truncationPoint()).isEqualTo(90);
    }
  }

  @Test
  void reclamation_carriesMetadataAndTruncationPointForward() throws IOException {
    try (FileLogStorage storage = open()) {
      storage.putMetadata("promise-7".getBytes(UTF_8));
      for (long p = 0; p < 50; p++) {
        storage.put(p, record(p));
      }
      storage.truncateBefore(10);
      storage.sync();
      for (long p = 50; p < 100; p++) {
        storage.put(p, record(p));
      }
      // The first segment holds the metadata and the truncate frame, and now only dead records.
      storage.truncateBefore(60);
      storage.sync();
      assertThat(Files.exists(Segment.pathOf(dir, 1))).isFalse();
    }
    try (FileLogStorage storage = open()) {
      assertThat(storage.metadata())
          .hasValueSatisfying(v -> assertThat(v).isEqualTo("promise-7".getBytes(UTF_8)));
      assertThat(storage.truncationPoint()).isEqualTo(60);
      assertThat(storage.firstPosition()).hasValue(60);
      storage.put(20, record(20));
      assertThat(storage.get(20)).isEmpty();
    }
  }

  @Test
  void overwrites_killOldSegments_too() throws IOException {
    try (FileLogStorage storage = open()) {
      for (int round = 0; round < 20; round++) {
        for (long p = 0; p < 10; p++) {
          storage.put(p, record(p + round));
        }
        storage.sync();
      }
      // 20 rounds of 10 records would need ~11 segments; only the live ones remain.
      assertThat(storage.segmentCount()).isLessThanOrEqualTo(2);
      assertThat(storage.get(3)).hasValue(record(3 + 19));
    }
  }

  @Test
  void closeWithoutSync_losesUnsyncedWrites_keepsSyncedOnes_inOrder() {
    try (FileLogStorage storage = open()) {
      storage.putMetadata("m1".getBytes(UTF_8));
      storage.put(0, record(0));
      storage.sync();
      storage.putMetadata("m2".getBytes(UTF_8));
      storage.put(1, record(1));
      // No sync: these stay in the process, as writes after the last fsync do in a crash.
    }
    try (FileLogStorage storage = open()) {
      assertThat(storage.get(0)).hasValue(record(0));
      assertThat(storage.get(1)).isEmpty();
      assertThat(storage.metadata())
          .hasValueSatisfying(v -> assertThat(v).isEqualTo("m1".getBytes(UTF_8)));
    }
  }

  @Test
  void metadataAndRecords_syncedTogether_surviveTogether() {
    try (FileLogStorage storage = open()) {
      for (long p = 0; p < 30; p++) {
        storage.putMetadata(("promise-" + p).getBytes(UTF_8));
        storage.put(p, record(p));
      }
      storage.sync();
    }
    try (FileLogStorage storage = open()) {
      assertThat(storage.metadata())
          .hasValueSatisfying(v -> assertThat(v).isEqualTo("promise-29".getBytes(UTF_8)));
      assertThat(storage.lastPosition()).hasValue(29);
    }
  }

  @Test
  void putsOnOneThread_syncsOnAnother_everythingBeforeASyncSurvives() throws Exception {
    java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong(-1);
    long durable;
    try (FileLogStorage storage = open()) {
      Thread writer = new Thread(() -> {
        for (long p = 0; p < 3000; p++) {
          storage.put(p, record(p));
          written.set(p);
        }
      });
      writer.start();
      long covered = -1;
      while (writer.isAlive()) {
        long before = written.get();
        storage.sync();
        covered = before;
      }
      writer.join();
      durable = covered;
    }
    assertThat(durable).isGreaterThanOrEqualTo(0);
    try (FileLogStorage storage = open()) {
      for (long p = 0; p <= durable; p++) {
        assertThat(storage.get(p)).as("position %s", p).hasValue(record(p));
      }
    }
  }

  @Test
  void secondOpenOfTheSameDirectory_isRefused() {
    try (FileLogStorage storage = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(LogStorageException.class)
          .hasMessageContaining("in use");
    }
    open().close();
  }

  @Test
  void oversizeRecord_isRejected() {
    try (FileLogStorage storage =
        FileLogStorage.open(dir, new FileLogStorage.Options(4096, 1000))) {
      assertThatThrownBy(() -> storage.put(0, new byte[1001]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1001");
    }
  }
}
