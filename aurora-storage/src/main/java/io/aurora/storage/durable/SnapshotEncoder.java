package io.aurora.storage.durable;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.aurora.gen.storage.Frame;
import io.aurora.gen.storage.FrameChunk;
import io.aurora.gen.storage.FrameHeader;
import io.aurora.gen.storage.LogEntry;
import io.aurora.storage.StorageException;
import io.aurora.storage.mem.StoreState;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TIOStreamTransport;

/**
 * Encodes a snapshot of a {@link StoreState} into log records while it is serialized: the
 * {@code Snapshot} struct is written task by task into a deflater, whose output lands directly in
 * chunk-sized arrays. No full uncompressed encoding, no single large array, and no copy of the
 * whole entry ever exists; what is kept is the compressed bytes, already cut into frames.
 *
 * <p>The records have the format {@link EntryEncoder} produces (a {@code deflatedEntry}, framed
 * when large), but a snapshot is framed as soon as it exceeds {@link #CHUNK_BYTES} (or the maximum
 * entry size, if smaller), in chunks of that size: small pieces that the {@link GroupCommitter}
 * interleaves with transaction batches, so that no batch waits behind the whole snapshot.
 */
final class SnapshotEncoder {
  /** The most snapshot data one log record carries. */
  static final int CHUNK_BYTES = 64 * 1024;

  private static final TStruct LOG_ENTRY = new TStruct("LogEntry");
  private static final TField SNAPSHOT = field(LogEntry._Fields.SNAPSHOT, TType.STRUCT);
  private static final TField DEFLATED = field(LogEntry._Fields.DEFLATED_ENTRY, TType.STRING);

  private final int chunkBytes;

  SnapshotEncoder(long maxEntrySize) {
    checkArgument(maxEntrySize >= 1024 && maxEntrySize <= Integer.MAX_VALUE / 2,
        "max entry size out of range: %s", maxEntrySize);
    this.chunkBytes = (int) Math.min(CHUNK_BYTES, maxEntrySize);
  }

  /** The records of a snapshot of {@code state} taken at {@code timestampMs}, in append order. */
  List<byte[]> encode(StoreState state, long timestampMs) {
    return encode(state, timestampMs, () -> { });
  }

  /** As {@link #encode(StoreState, long)}, calling {@code pause} every few thousand tasks. */
  List<byte[]> encode(StoreState state, long timestampMs, Runnable pause) {
    try {
      ChunkedBytes deflated = deflatedSnapshot(state, timestampMs, pause);
      // The entry itself: a LogEntry whose deflatedEntry member holds those bytes.
      ChunkedBytes entry = new ChunkedBytes(chunkBytes);
      TBinaryProtocol out = new TBinaryProtocol(new TIOStreamTransport(entry));
      out.writeStructBegin(LOG_ENTRY);
      out.writeFieldBegin(DEFLATED);
      out.writeI32(Math.toIntExact(deflated.size()));
      deflated.writeTo(entry);
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
      return frame(entry);
    } catch (TException | IOException e) {
      throw new StorageException("cannot encode the snapshot", e);
    }
  }

  private ChunkedBytes deflatedSnapshot(StoreState state, long timestampMs, Runnable pause)
      throws TException, IOException {
    ChunkedBytes deflated = new ChunkedBytes(chunkBytes);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (OutputStream out = new BufferedOutputStream(
        new DeflaterOutputStream(deflated, deflater, 64 * 1024), 64 * 1024)) {
      TBinaryProtocol protocol = new TBinaryProtocol(new TIOStreamTransport(out));
      protocol.writeStructBegin(LOG_ENTRY);
      protocol.writeFieldBegin(SNAPSHOT);
      state.writeSnapshot(timestampMs, protocol, pause);
      protocol.writeFieldEnd();
      protocol.writeFieldStop();
      protocol.writeStructEnd();
    } finally {
      deflater.end();
    }
    return deflated;
  }

  private List<byte[]> frame(ChunkedBytes entry) {
    List<byte[]> chunks = entry.chunks();
    if (chunks.size() == 1) {
      return chunks;
    }
    Hasher checksum = Hashing.sha256().newHasher();
    chunks.forEach(checksum::putBytes);
    List<byte[]> records = new ArrayList<>(chunks.size() + 1);
    records.add(ThriftCodec.encode(LogEntry.frame(Frame.header(new FrameHeader(chunks.size(),
        ByteBuffer.wrap(checksum.hash().asBytes()))))));
    for (byte[] chunk : chunks) {
      records.add(ThriftCodec.encode(LogEntry.frame(Frame.chunk(new FrameChunk(
          ByteBuffer.wrap(chunk))))));
    }
    return records;
  }

  private static TField field(LogEntry._Fields field, byte type) {
    return new TField(field.getFieldName(), type, field.getThriftFieldId());
  }
}
