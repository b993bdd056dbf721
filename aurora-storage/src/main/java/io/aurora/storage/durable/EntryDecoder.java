package io.aurora.storage.durable;

import com.google.common.hash.Hashing;
import io.aurora.gen.storage.Frame;
import io.aurora.gen.storage.LogEntry;
import io.aurora.log.Entry;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import org.apache.thrift.TException;

/**
 * Turns log records back into {@link LogEntry}s: reassembles frames, checks their checksum, and
 * inflates deflated entries. Stateful (it holds a partly read framed entry); feed it every record
 * in log order.
 *
 * <p>A header followed by fewer chunks than it announced, then a record that is not a chunk, is a
 * framed append that its writer never finished (it lost leadership or crashed mid-entry): that
 * entry was never acknowledged, so it is dropped and counted in {@link #abandonedFrames()}.
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
    long position = record.position().value();
    LogEntry entry = decodeRecord(record.data(), position);
    if (entry.isSetFrame()) {
      return acceptFrame(entry.getFrame(), position);
    }
    if (chunks != null) {
      abandonedFrames++;
      chunks = null;
    }
    return Optional.of(new Decoded(expand(entry, position), position));
  }

  long abandonedFrames() {
    return abandonedFrames;
  }

  private Optional<Decoded> acceptFrame(Frame frame, long position) {
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
    return Optional.of(new Decoded(expand(entry, position), position));
  }

  private static LogEntry expand(LogEntry entry, long position) {
    if (!entry.isSetDeflatedEntry()) {
      return entry;
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
