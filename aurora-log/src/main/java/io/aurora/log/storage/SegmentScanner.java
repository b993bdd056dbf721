package io.aurora.log.storage;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads a segment file frame by frame at open time and decides where its valid content ends.
 *
 * <p>A damaged frame in the last segment is a torn write, and ends the valid content, when no valid
 * frame starts anywhere after it: a crash cut the file short, or left zeros or stale bytes where
 * unsynced writes were going. If a valid frame does follow, the damaged one was once followed by
 * complete data, so this is corruption, and {@link CorruptLogException} names the file and offset
 * rather than skipping it (a skipped record could be a forgotten vote). A crash that lost an unsynced
 * page in the middle of later, persisted pages looks the same and is reported the same way; the
 * replica's directory is then wiped and the replica recovers from its peers. Segments before the last
 * were forced when they were rolled, so any damage in them is corruption.
 */
final class SegmentScanner {

  /** Receives each valid frame in file order. */
  interface Visitor {
    /**
     * @param position the PUT or TRUNCATE position; unused for METADATA
     * @param metadata the METADATA bytes; null for other types
     */
    void frame(FrameType type, long offset, int frameBytes, long position, byte[] metadata);
  }

  private final int maxBodyBytes;

  SegmentScanner(int maxRecordBytes) {
    this.maxBodyBytes = maxRecordBytes + SegmentFrames.POSITION_BYTES;
  }

  /**
   * Visits every valid frame of {@code path} and returns the length of its valid content: the file
   * size, or for a torn last segment the offset of the torn frame.
   */
  long scan(Path path, boolean last, Visitor visitor) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
      byte[] buf = new byte[4096];
      if (size < SegmentFrames.SEGMENT_HEADER_BYTES) {
        // Only a crash right after the segment was created leaves a short header.
        return damaged(channel, path, last, 0, "incomplete segment header");
      }
      readFully(in, buf, 0, SegmentFrames.SEGMENT_HEADER_BYTES);
      if (SegmentFrames.getInt(buf, 0) != SegmentFrames.SEGMENT_MAGIC) {
        throw new CorruptLogException(path, 0, "not a log segment (bad magic)");
      }
      int version = SegmentFrames.getInt(buf, 4);
      if (version != SegmentFrames.FORMAT_VERSION) {
        throw new LogStorageException(path + " has segment format version " + version
            + "; this build reads version " + SegmentFrames.FORMAT_VERSION);
      }
      long offset = SegmentFrames.SEGMENT_HEADER_BYTES;
      while (offset < size) {
        if (size - offset < SegmentFrames.HEADER_BYTES) {
          return damaged(channel, path, last, offset, "incomplete frame header");
        }
        readFully(in, buf, 0, SegmentFrames.HEADER_BYTES);
        int bodyLength = SegmentFrames.getInt(buf, 0);
        if (bodyLength < 0 || bodyLength > maxBodyBytes) {
          return damaged(channel, path, last, offset, "bad frame length " + bodyLength);
        }
        long end = offset + SegmentFrames.HEADER_BYTES + bodyLength;
        if (end > size) {
          return damaged(channel, path, last, offset, "frame runs past end of file");
        }
        if (buf.length < SegmentFrames.HEADER_BYTES + bodyLength) {
          byte[] bigger = new byte[SegmentFrames.HEADER_BYTES + bodyLength];
          System.arraycopy(buf, 0, bigger, 0, SegmentFrames.HEADER_BYTES);
          buf = bigger;
        }
        readFully(in, buf, SegmentFrames.HEADER_BYTES, bodyLength);
        String problem = check(buf, bodyLength);
        if (problem != null) {
          return damaged(channel, path, last, offset, problem);
        }
        FrameType type = FrameType.fromCode(buf[8]);
        int frameBytes = SegmentFrames.HEADER_BYTES + bodyLength;
        if (type == FrameType.METADATA) {
          byte[] meta = new byte[bodyLength];
          System.arraycopy(buf, SegmentFrames.HEADER_BYTES, meta, 0, bodyLength);
          visitor.frame(type, offset, frameBytes, -1, meta);
        } else {
          visitor.frame(type, offset, frameBytes, SegmentFrames.getLong(buf, SegmentFrames.HEADER_BYTES), null);
        }
        offset = end;
      }
      return size;
    }
  }

  /** Why the frame in {@code buf} is invalid, or null if it is valid. */
  private static String check(byte[] buf, int bodyLength) {
    if (SegmentFrames.getInt(buf, 4) != SegmentFrames.checksum(buf, 0, bodyLength)) {
      return "checksum mismatch";
    }
    FrameType type = FrameType.fromCode(buf[8]);
    if (type == null) {
      return "unknown frame type " + buf[8];
    }
    if (type == FrameType.TRUNCATE && bodyLength != SegmentFrames.POSITION_BYTES
        || type == FrameType.PUT && bodyLength < SegmentFrames.POSITION_BYTES) {
      return "bad body length " + bodyLength + " for " + type;
    }
    return null;
  }

  /** Returns {@code offset} as the end of valid content if the damage is a torn tail, else throws. */
  private long damaged(FileChannel channel, Path path, boolean last, long offset, String reason)
      throws IOException {
    if (last && !validFrameAfter(channel, offset + 1)) {
      return offset;
    }
    throw new CorruptLogException(path, offset, reason);
  }

  /** Whether a complete frame with a good checksum starts at any offset at or after {@code from}. */
  private boolean validFrameAfter(FileChannel channel, long from) throws IOException {
    long size = channel.size();
    if (from >= size) {
      return false;
    }
    // Mapped, not read into heap: the tail can be as large as a segment.
    MappedByteBuffer tail = channel.map(FileChannel.MapMode.READ_ONLY, from, size - from);
    int limit = tail.limit();
    for (int i = 0; i + SegmentFrames.HEADER_BYTES <= limit; i++) {
      int bodyLength = tail.getInt(i);
      if (bodyLength < 0 || bodyLength > maxBodyBytes
          || (long) i + SegmentFrames.HEADER_BYTES + bodyLength > limit
          || FrameType.fromCode(tail.get(i + 8)) == null) {
        continue;
      }
      CRC32C crc = new CRC32C();
      crc.update(tail.duplicate().position(i).limit(i + 4));
      crc.update(tail.duplicate().position(i + 8).limit(i + SegmentFrames.HEADER_BYTES + bodyLength));
      if ((int) crc.getValue() == tail.getInt(i + 4)) {
        return true;
      }
    }
    return false;
  }

  private static void readFully(InputStream in, byte[] buf, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int n = in.read(buf, off + done, len - done);
      if (n < 0) {
        throw new EOFException();
      }
      done += n;
    }
  }
}
