package io.aurora.log.storage;

import java.io.Closeable;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A replica's durable store of opaque records keyed by position, plus a single metadata record.
 *
 * <p>Writes ({@link #put}, {@link #putMetadata}, {@link #truncateBefore}) are buffered and become
 * durable together at the next {@link #sync()}; reads see buffered writes immediately. A crash loses
 * only writes made after the last completed {@code sync()}, never earlier ones, and never a subset that
 * skips over an earlier write: what survives is always a prefix of the writes in the order they were
 * made.
 *
 * <p>Implementations are safe to call from several threads; a write made while a {@code sync()} is
 * in progress may or may not be covered by it (only writes that happened before the call are). Failures are
 * reported as {@link LogStorageException}; after a failed {@code sync()} the instance refuses further
 * use and must be closed and reopened, because it cannot know which buffered writes reached the disk.
 */
public interface LogStorage extends Closeable {

  /** Returns the last metadata passed to {@link #putMetadata}, synced or not; empty if never set. */
  Optional<byte[]> metadata();

  /** Replaces the metadata record; durable after the next {@link #sync()}. */
  void putMetadata(byte[] meta);

  /**
   * Stores {@code record} at {@code position} (non-negative); a later put of the same position
   * replaces it. Durable after the next {@link #sync()}. A put below the truncation point (see {@link
   * #truncateBefore}) is ignored: that position is gone for good.
   *
   * @throws IllegalArgumentException if the position is negative
   */
  void put(long position, byte[] record);

  /** Makes every earlier write durable (fsync); on return they all survive a crash. */
  void sync();

  /** Returns the record at {@code position}, including unsynced puts; empty if absent or truncated. */
  Optional<byte[]> get(long position);

  /** The lowest position holding a record, or empty if there are none. */
  OptionalLong firstPosition();

  /** The highest position holding a record, or empty if there are none. */
  OptionalLong lastPosition();

  /**
   * Forgets every position below {@code position}. Reads stop seeing them at once; the removal is
   * durable after the next {@link #sync()}, and the space they used is reclaimed. A call with a
   * position at or below an earlier truncation point does nothing.
   */
  void truncateBefore(long position);

  /** The current truncation point: every position below it is gone; 0 if never truncated. */
  long truncationPoint();

  /** Releases files and buffers; unsynced writes may be lost. Never throws {@code IOException}. */
  @Override
  void close();
}
