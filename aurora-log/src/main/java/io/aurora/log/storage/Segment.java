package io.aurora.log.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One segment file. Appends go to an in-heap buffer that is written out when it grows past {@link
 * #FLUSH_BYTES} or on {@link #force()}; reads of a frame still in the buffer are served from it.
 */
final class Segment {
  static final int FLUSH_BYTES = 1 << 20;
  private static final int READ_AHEAD_BYTES = 64 << 10;
  private static final String SUFFIX = ".seg";

  final long id;
  final Path path;
  private final FileChannel channel;
  private long flushed;
  private byte[] pending = new byte[64 << 10];
  private int pendingCount;
  private byte[] readAhead;
  private long readAheadStart;
  private int readAheadLength;
  /** Index entries (PUT frames) that still point into this segment. */
  int liveRecords;

  private Segment(long id, Path path, FileChannel channel, long flushed) {
    this.id = id;
    this.path = path;
    this.channel = channel;
    this.flushed = flushed;
  }

  static Path pathOf(Path dir, long id) {
    return dir.resolve(String.format("%020d%s", id, SUFFIX));
  }

  /** The segment id encoded in {@code fileName}, or -1 if it is not a segment file. */
  static long idOf(String fileName) {
    if (!fileName.endsWith(SUFFIX) || fileName.length() != 20 + SUFFIX.length()) {
      return -1;
    }
    try {
      return Long.parseLong(fileName.substring(0, 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static Segment create(Path dir, long id) throws IOException {
    Path path = pathOf(dir, id);
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    return withHeader(new Segment(id, path, channel, 0));
  }

  /**
   * Opens an existing segment whose valid content is its first {@code size} bytes; a segment cut
   * back to nothing (its header was torn) gets its header again.
   */
  static Segment open(Path path, long id, long size) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    Segment segment = new Segment(id, path, channel, size);
    return size == 0 ? withHeader(segment) : segment;
  }

  private static Segment withHeader(Segment segment) {
    System.arraycopy(SegmentFrames.segmentHeader(), 0, segment.pending, 0, SegmentFrames.SEGMENT_HEADER_BYTES);
    segment.pendingCount = SegmentFrames.SEGMENT_HEADER_BYTES;
    return segment;
  }

  /** Makes a directory entry change (a created or deleted file) durable. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  long size() {
    return flushed + pendingCount;
  }

  /** Appends a frame and returns its offset in the file. */
  long append(FrameType type, long position, byte[] data) throws IOException {
    int frameBytes = SegmentFrames.frameBytes(type, data == null ? 0 : data.length);
    if (pendingCount + frameBytes > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingCount + frameBytes));
    }
    long offset = size();
    SegmentFrames.write(pending, pendingCount, type, position, data);
    pendingCount += frameBytes;
    if (pendingCount >= FLUSH_BYTES) {
      flush();
    }
    return offset;
  }

  /**
   * Reads {@code length} bytes at {@code offset}, from the append buffer if they are not written
   * yet. Small reads go through a read-ahead block, so a scan of consecutive positions (startup,
   * catch-up) costs one system call per block instead of one per record; written bytes never change,
   * so the block cannot go stale.
   */
  byte[] read(long offset, int length) throws IOException {
    byte[] out = new byte[length];
    if (offset >= flushed) {
      System.arraycopy(pending, (int) (offset - flushed), out, 0, length);
      return out;
    }
    if (length > READ_AHEAD_BYTES) {
      readFully(ByteBuffer.wrap(out), offset);
      return out;
    }
    if (readAhead == null || offset < readAheadStart
        || offset + length > readAheadStart + readAheadLength) {
      if (readAhead == null) {
        readAhead = new byte[READ_AHEAD_BYTES];
      }
      int block = (int) Math.min(READ_AHEAD_BYTES, flushed - offset);
      readAheadLength = 0; // invalid until the read completes
      readFully(ByteBuffer.wrap(readAhead, 0, block), offset);
      readAheadStart = offset;
      readAheadLength = block;
    }
    System.arraycopy(readAhead, (int) (offset - readAheadStart), out, 0, length);
    return out;
  }

  private void readFully(ByteBuffer buf, long offset) throws IOException {
    int start = buf.position();
    while (buf.hasRemaining()) {
      long at = offset + buf.position() - start;
      if (channel.read(buf, at) < 0) {
        throw new IOException("unexpected end of " + path + " at " + at);
      }
    }
  }

  /** Writes buffered frames to the file, without forcing them to the device. */
  void flush() throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(pending, 0, pendingCount);
    while (buf.hasRemaining()) {
      channel.write(buf, flushed + buf.position());
    }
    flushed += pendingCount;
    pendingCount = 0;
    if (pending.length > 4 * FLUSH_BYTES) {
      pending = new byte[64 << 10];
    }
  }

  /** Writes buffered frames and forces the file's data to the device. */
  void force() throws IOException {
    flush();
    forceWritten();
  }

  /**
   * Forces what {@link #flush()} has written so far to the device. Safe to call without the
   * storage's lock: FileChannel allows it concurrently with writes, which it may or may not cover.
   */
  void forceWritten() throws IOException {
    // force(false) is fdatasync: it also persists the file size, which appends depend on.
    channel.force(false);
  }

  void close() throws IOException {
    channel.close();
  }
}
