package io.aurora.log.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What FileLogStorage does with a damaged directory on open: drop a torn tail, refuse corruption. */
class FileLogStorageRecoveryTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private FileLogStorage open() {
    return FileLogStorage.open(dir, FileLogStorage.Options.defaults().withSegmentBytes(4096));
  }

  /** Writes positions 0..count-1 with 100-byte records, synced, and returns the segment files. */
  private List<Path> writeRecords(int count) throws IOException {
    try (FileLogStorage storage = open()) {
      storage.putMetadata(bytes("meta"));
      for (int p = 0; p < count; p++) {
        storage.put(p, record(p));
      }
      storage.sync();
    }
    return segments();
  }

  private static byte[] record(int p) {
    byte[] record = new byte[100];
    java.util.Arrays.fill(record, (byte) p);
    return record;
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
    }
  }

  /** The size of a frame holding one 100-byte record. */
  private static final int FRAME = SegmentFrames.frameBytes(FrameType.PUT, 100);

  private static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x5a);
    }
  }

  private static void truncate(Path file, long size) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
  }

  @Test
  void tornTail_partialLastRecord_isDroppedAndFileTruncated() throws IOException {
    Path segment = writeRecords(5).get(0);
    long size = Files.size(segment);
    truncate(segment, size - 30);

    try (FileLogStorage storage = open()) {
      assertThat(storage.lastPosition()).hasValue(3);
      assertThat(storage.get(3)).hasValue(record(3));
      assertThat(storage.get(4)).isEmpty();
      assertThat(storage.metadata()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("meta")));
      assertThat(Files.size(segment)).isEqualTo(size - FRAME);
      // The storage appends cleanly after the cut.
      storage.put(4, record(44));
      storage.sync();
    }
    try (FileLogStorage storage = open()) {
      assertThat(storage.get(4)).hasValue(record(44));
    }
  }

  @Test
  void tornTail_incompleteHeader_isDropped() throws IOException {
    Path segment = writeRecords(2).get(0);
    Files.write(segment, new byte[] {0, 0, 0, 7}, StandardOpenOption.APPEND);
    try (FileLogStorage storage = open()) {
      assertThat(storage.lastPosition()).hasValue(1);
    }
  }

  @Test
  void tornTail_zeroFilledOrGarbageTail_isDropped() throws IOException {
    Path segment = writeRecords(3).get(0);
    long size = Files.size(segment);
    // A crash can leave the file extended with zeros where unsynced data was going...
    Files.write(segment, new byte[2000], StandardOpenOption.APPEND);
    try (FileLogStorage storage = open()) {
      assertThat(storage.lastPosition()).hasValue(2);
    }
    assertThat(Files.size(segment)).isEqualTo(size);
    // ...or with stale bytes that hold no valid frame.
    byte[] garbage = new byte[500];
    new java.util.Random(7).nextBytes(garbage);
    Files.write(segment, garbage, StandardOpenOption.APPEND);
    try (FileLogStorage storage = open()) {
      assertThat(storage.lastPosition()).hasValue(2);
    }
  }

  @Test
  void tornTail_lastRecordWithBadChecksum_isDropped() throws IOException {
    Path segment = writeRecords(3).get(0);
    flipByte(segment, Files.size(segment) - 10);
    try (FileLogStorage storage = open()) {
      assertThat(storage.lastPosition()).hasValue(1);
    }
  }

  @Test
  void corruptMiddleRecord_isAnErrorNamingFileAndOffset() throws IOException {
    Path segment = writeRecords(5).get(0);
    long metaFrame = SegmentFrames.frameBytes(FrameType.METADATA, 4);
    long secondRecord = SegmentFrames.SEGMENT_HEADER_BYTES + metaFrame + FRAME;
    flipByte(segment, secondRecord + 50);

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(CorruptLogException.class, e -> {
          assertThat(e.file()).isEqualTo(segment);
          assertThat(e.offset()).isEqualTo(secondRecord);
        })
        .hasMessageContaining(segment.toString())
        .hasMessageContaining("offset " + secondRecord);
    // The damaged file is left alone for the operator to inspect.
    assertThat(Files.size(segment)).isGreaterThan(secondRecord + 3 * FRAME);
  }

  @Test
  void corruptLengthField_inTheMiddle_isAnError_notATornTail() throws IOException {
    Path segment = writeRecords(5).get(0);
    long secondRecord = SegmentFrames.SEGMENT_HEADER_BYTES + SegmentFrames.frameBytes(FrameType.METADATA, 4) + FRAME;
    // A length that runs past the end of the file would look torn if nothing valid followed it.
    flipByte(segment, secondRecord + 2);
    assertThatThrownBy(this::open).isInstanceOf(CorruptLogException.class);
  }

  @Test
  void damageInAnEarlierSegment_isAnErrorEvenAtItsEnd() throws IOException {
    List<Path> segments = writeRecords(100);
    assertThat(segments).hasSizeGreaterThan(2);
    Path first = segments.get(0);
    truncate(first, Files.size(first) - 5);
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(CorruptLogException.class,
            e -> assertThat(e.file()).isEqualTo(first));
  }

  @Test
  void get_ofARecordDamagedAfterOpen_throwsCorruptLogException() throws IOException {
    Path segment = writeRecords(3).get(0);
    try (FileLogStorage storage = open()) {
      long firstRecord = SegmentFrames.SEGMENT_HEADER_BYTES + SegmentFrames.frameBytes(FrameType.METADATA, 4);
      flipByte(segment, firstRecord + 40);
      assertThatThrownBy(() -> storage.get(0)).isInstanceOf(CorruptLogException.class);
      assertThat(storage.get(1)).hasValue(record(1));
    }
  }

  @Test
  void segmentWithoutOurMagic_isCorrupt() throws IOException {
    Path segment = writeRecords(2).get(0);
    flipByte(segment, 1);
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(CorruptLogException.class, e -> assertThat(e.offset()).isZero())
        .hasMessageContaining("magic");
  }

  @Test
  void segmentOfANewerFormat_isRefusedNamingTheVersion() throws IOException {
    Path segment = writeRecords(2).get(0);
    flipByte(segment, 7); // version 1 -> 1 ^ 0x5a
    assertThatThrownBy(this::open)
        .isInstanceOf(LogStorageException.class)
        .hasMessageContaining("version " + (1 ^ 0x5a));
  }

  @Test
  void lastSegmentWithATornHeader_startsAfresh() throws IOException {
    List<Path> segments = writeRecords(60);
    Path last = segments.get(segments.size() - 1);
    long nextId = Segment.idOf(last.getFileName().toString()) + 1;
    Files.write(Segment.pathOf(dir, nextId), new byte[] {0x41, 0x52, 0x4c});
    try (FileLogStorage storage = open()) {
      assertThat(storage.lastPosition()).hasValue(59);
      storage.put(60, record(60));
      storage.sync();
    }
    try (FileLogStorage storage = open()) {
      assertThat(storage.get(60)).hasValue(record(60));
    }
  }

  @Test
  void emptyLastSegment_fromACrashAfterRoll_isUsable() throws IOException {
    List<Path> segments = writeRecords(60);
    Path last = segments.get(segments.size() - 1);
    long nextId = Segment.idOf(last.getFileName().toString()) + 1;
    Files.createFile(Segment.pathOf(dir, nextId));
    try (FileLogStorage storage = open()) {
      assertThat(storage.lastPosition()).hasValue(59);
      storage.put(60, record(60));
      storage.sync();
    }
    try (FileLogStorage storage = open()) {
      assertThat(storage.get(60)).hasValue(record(60));
    }
  }
}
