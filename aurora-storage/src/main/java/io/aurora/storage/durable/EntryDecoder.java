package io.aurora.storage.durable;

import com.google.common.hash.Hashing;
import io.aurora.gen.storage.Frame;
import io.aurora.gen.storage.LogEntry;
import io.aurora.gen.storage.Snapshot;
import io.aurora.log.Entry;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * Turns log records back into {@link LogEntry}s: reassembles frames, checks their checksum, and
 * inflates deflated entries. Stateful (it holds a partly read framed entry); feed it every record
 * in log order.
 *
 * <p>Records that are not frames may sit between the chunks of a framed entry: the writer
 * interleaves a snapshot's chunks with transaction batches. Such a record is decoded on its own and
 * the framed entry keeps collecting chunks. A header that arrives before the previous framed entry
 * got all its chunks means that entry's writer never finished it (it lost leadership or crashed
 * mid-entry): it was never acknowledged, so it is dropped and counted in
 * {@link #abandonedFrames()}. A writer never interleaves two framed entries.
 *
 * <p>A reader whose state already includes a log position can ask for snapshots that describe
 * that position or an earlier one to be skipped: the writer puts a snapshot's {@code logPosition}
 * first, so the decision takes a few inflated bytes instead of decoding the whole snapshot. A
 * skipped snapshot comes out as a {@code noop} entry, which is what it is to that reader.
 */
final class EntryDecoder {
  /** A decoded entry and the position of its last record. */
  record Decoded(LogEntry entry, long position) {}

  private int expectedChunks;
  private byte[] expectedChecksum;
  private ByteArrayOutputStream chunks;
  private int chunksSeen;
  private long abandonedFrames;

  /** The entry completed by {@code record}, if any. */
  Optional<Decoded> accept(Entry record) {
    return accept(record, -1);
  }

  /**
   * The entry completed by {@code record}, if any; a snapshot whose {@code logPosition} is at most
   * {@code skipSnapshotsUpTo} comes out as a {@code noop} without being decoded (-1: skip none).
   */
  Optional<Decoded> accept(Entry record, long skipSnapshotsUpTo) {
    long position = record.position().value();
    LogEntry entry = decodeRecord(record.data(), position);
    if (entry.isSetFrame()) {
      return acceptFrame(entry.getFrame(), position, skipSnapshotsUpTo);
    }
    return Optional.of(new Decoded(expand(entry, position, skipSnapshotsUpTo), position));
  }

  long abandonedFrames() {
    return abandonedFrames;
  }

  private Optional<Decoded> acceptFrame(Frame frame, long position, long skipSnapshotsUpTo) {
    if (frame.isSetHeader()) {
      if (chunks != null) {
        abandonedFrames++;
      }
      expectedChunks = frame.getHeader().getChunkCount();
      expectedChecksum = frame.getHeader().getChecksum();
      if (expectedChunks <= 0) {
        throw new CorruptEntryException("frame header at " + position + " announces "
            + expectedChunks + " chunks");
      }
      chunks = new ByteArrayOutputStream();
      chunksSeen = 0;
      return Optional.empty();
    }
    if (chunks == null) {
      throw new CorruptEntryException("frame chunk at " + position + " without a header");
    }
    byte[] data = frame.getChunk().getData();
    chunks.write(data, 0, data.length);
    chunksSeen++;
    if (chunksSeen < expectedChunks) {
      return Optional.empty();
    }
    byte[] whole = chunks.toByteArray();
    chunks = null;
    byte[] checksum = Hashing.sha256().hashBytes(whole).asBytes();
    if (!Arrays.equals(checksum, expectedChecksum)) {
      throw new CorruptEntryException("checksum mismatch in the framed entry ending at " + position
          + " (" + expectedChunks + " chunks, " + whole.length + " bytes)");
    }
    LogEntry entry = decodeRecord(whole, position);
    if (entry.isSetFrame()) {
      throw new CorruptEntryException("framed entry ending at " + position + " contains a frame");
    }
    return Optional.of(new Decoded(expand(entry, position, skipSnapshotsUpTo), position));
  }

  private static LogEntry expand(LogEntry entry, long position, long skipSnapshotsUpTo) {
    if (!entry.isSetDeflatedEntry()) {
      return entry;
    }
    if (skipSnapshotsUpTo >= 0) {
      OptionalLong covered = snapshotPosition(entry.getDeflatedEntry());
      if (covered.isPresent() && covered.getAsLong() <= skipSnapshotsUpTo) {
        return LogEntry.noop(true);
      }
    }
    try {
      LogEntry inner = decodeRecord(ThriftCodec.inflate(entry.getDeflatedEntry()), position);
      if (inner.isSetDeflatedEntry() || inner.isSetFrame()) {
        throw new CorruptEntryException("deflated entry at " + position + " nests "
            + inner.getSetField());
      }
      return inner;
    } catch (DataFormatException e) {
      throw new CorruptEntryException("deflated entry at " + position + " does not inflate", e);
    }
  }

  /**
   * The {@code logPosition} of a deflated snapshot whose encoding starts with it (as the storage
   * writes them), read from its first inflated bytes; empty for anything else.
   */
  private static OptionalLong snapshotPosition(byte[] deflated) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflated);
      byte[] head = new byte[32];
      int n = 0;
      while (n < head.length && !inflater.finished()) {
        int k = inflater.inflate(head, n, head.length - n);
        if (k == 0) {
          break;
        }
        n += k;
      }
      TBinaryProtocol in = new TBinaryProtocol(new TMemoryInputTransport(head, 0, n));
      in.readStructBegin();
      TField member = in.readFieldBegin();
      if (member.id != LogEntry._Fields.SNAPSHOT.getThriftFieldId()
          || member.type != TType.STRUCT) {
        return OptionalLong.empty();
      }
      in.readStructBegin();
      TField first = in.readFieldBegin();
      if (first.id != Snapshot._Fields.LOG_POSITION.getThriftFieldId() || first.type != TType.I64) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(in.readI64());
    } catch (DataFormatException | TException e) {
      return OptionalLong.empty();
    } finally {
      inflater.end();
    }
  }

  private static LogEntry decodeRecord(byte[] bytes, long position) {
    try {
      LogEntry entry = ThriftCodec.decode(new LogEntry(), bytes);
      if (entry.getSetField() == null) {
        throw new CorruptEntryException("log record at " + position + " has no known member");
      }
      return entry;
    } catch (TException | RuntimeException e) {
      if (e instanceof CorruptEntryException c) {
        throw c;
      }
      throw new CorruptEntryException("log record at " + position + " does not decode", e);
    }
  }
}
