package io.aurora.log.storage;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@link LogStorage} in append-only, CRC32C-framed segment files. Implementation follows. */
public final class FileLogStorage implements LogStorage {

  /**
   * Tuning for {@link FileLogStorage}.
   *
   * @param segmentBytes a segment is closed and a new one started once it reaches this size
   * @param maxRecordBytes the largest record (or metadata) accepted; a frame that claims more is
   *     damaged
   */
  public record Options(long segmentBytes, int maxRecordBytes) {
    public Options {
      checkArgument(segmentBytes >= 4096, "segmentBytes %s < 4096", segmentBytes);
      checkArgument(maxRecordBytes > 0, "maxRecordBytes %s <= 0", maxRecordBytes);
    }

    /** 64 MiB segments, records up to 64 MiB. */
    public static Options defaults() {
      return new Options(64L << 20, 64 << 20);
    }

    public Options withSegmentBytes(long bytes) {
      return new Options(bytes, maxRecordBytes);
    }
  }

  /** Opens (creating if needed) the storage in {@code dir} with default options. */
  public static FileLogStorage open(Path dir) {
    return open(dir, Options.defaults());
  }

  /**
   * Opens (creating if needed) the storage in {@code dir}, recovering from a torn last record.
   *
   * @throws CorruptLogException if a record before the last one is damaged
   * @throws LogStorageException if the directory cannot be read or written
   */
  public static FileLogStorage open(Path dir, Options options) {
    throw new UnsupportedOperationException("TODO(log-io): implementation in the next commit");
  }

  private FileLogStorage() {}

  @Override public Optional<byte[]> metadata() { throw new UnsupportedOperationException(); }
  @Override public void putMetadata(byte[] meta) { throw new UnsupportedOperationException(); }
  @Override public void put(long position, byte[] record) { throw new UnsupportedOperationException(); }
  @Override public void sync() { throw new UnsupportedOperationException(); }
  @Override public Optional<byte[]> get(long position) { throw new UnsupportedOperationException(); }
  @Override public OptionalLong firstPosition() { throw new UnsupportedOperationException(); }
  @Override public OptionalLong lastPosition() { throw new UnsupportedOperationException(); }
  @Override public void truncateBefore(long position) { throw new UnsupportedOperationException(); }
  @Override public long truncationPoint() { throw new UnsupportedOperationException(); }
  @Override public void close() {}
}
