package io.aurora.storage.durable;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hashing;
import io.aurora.gen.storage.Frame;
import io.aurora.gen.storage.FrameChunk;
import io.aurora.gen.storage.FrameHeader;
import io.aurora.gen.storage.LogEntry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one {@link LogEntry} into the records appended to the log.
 *
 * <p>Snapshots, and transactions above {@link #DEFLATE_THRESHOLD} bytes, are deflated first (a
 * {@code deflatedEntry}). An encoding larger than the maximum entry size is then split: a
 * {@code FrameHeader} (chunk count and SHA-256 of the data) followed by that many
 * {@code FrameChunk}s of at most the maximum size each. The records must be appended in order and
 * contiguously (one writer, appending under the committer's order).
 */
final class EntryEncoder {
  /** Small transactions are not worth the CPU of compressing them. */
  static final int DEFLATE_THRESHOLD = 16 * 1024;

  private final int maxEntrySize;

  EntryEncoder(long maxEntrySize) {
    checkArgument(maxEntrySize >= 1024 && maxEntrySize <= Integer.MAX_VALUE / 2,
        "max entry size out of range: %s", maxEntrySize);
    this.maxEntrySize = (int) maxEntrySize;
  }

  List<byte[]> encode(LogEntry entry) {
    checkArgument(!entry.isSetFrame(), "frames are made here, not passed in");
    byte[] bytes = ThriftCodec.encode(entry);
    if (entry.isSetSnapshot() || (entry.isSetTransaction() && bytes.length > DEFLATE_THRESHOLD)) {
      bytes = ThriftCodec.encode(LogEntry.deflatedEntry(ThriftCodec.deflate(bytes)));
    }
    return frame(bytes);
  }

  /** The records of one encoded entry: itself if small enough, else a header and its chunks. */
  List<byte[]> frame(byte[] bytes) {
    if (bytes.length <= maxEntrySize) {
      return List.of(bytes);
    }
    int chunks = (bytes.length + maxEntrySize - 1) / maxEntrySize;
    byte[] checksum = Hashing.sha256().hashBytes(bytes).asBytes();
    List<byte[]> records = new ArrayList<>(chunks + 1);
    records.add(ThriftCodec.encode(
        LogEntry.frame(Frame.header(new FrameHeader(chunks, ByteBuffer.wrap(checksum))))));
    for (int i = 0; i < chunks; i++) {
      byte[] data = Arrays.copyOfRange(bytes, i * maxEntrySize,
          Math.min(bytes.length, (i + 1) * maxEntrySize));
      records.add(ThriftCodec.encode(LogEntry.frame(Frame.chunk(new FrameChunk(
          ByteBuffer.wrap(data))))));
    }
    return records;
  }
}
