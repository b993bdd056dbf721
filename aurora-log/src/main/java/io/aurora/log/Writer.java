package io.aurora.log;

import java.util.concurrent.CompletableFuture;

/**
 * The elected writer of a {@link ReplicatedLog}.
 *
 * <p>Appends are pipelined: many may be in flight, and their positions follow the order of the
 * calls. A returned future completes only once the entry is durable on a quorum and chosen; it never
 * completes normally for an entry that may be lost. When another writer is elected this writer
 * learns it at its next write (or sooner), completes every pending future with a
 * {@link WriterFailedException}, and fails every later call the same way; elect a new writer then.
 */
public interface Writer extends AutoCloseable {
  /**
   * Appends {@code data}. The future fails with {@link WriterFailedException} if this writer lost its
   * promise, or {@link LogTimeoutException} if no quorum answered within the write timeout (the
   * entry may or may not be in the log then; the writer is demoted either way).
   */
  CompletableFuture<Position> append(byte[] data);

  /**
   * Removes every entry before {@code before} (a normal log write, so it is replicated and ordered
   * with appends). Returns the position of the truncation itself. Reads below {@code before} then
   * fail with {@link TruncatedPositionException}.
   */
  CompletableFuture<Position> truncate(Position before);

  /** False once this writer was demoted, failed or closed. */
  boolean isActive();

  /** Stops writing; pending appends fail with {@link WriterFailedException}. Idempotent. */
  @Override
  void close();
}
