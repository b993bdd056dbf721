package io.aurora.storage;

/**
 * Transactions over the scheduler's stores.
 *
 * <p>A read runs against one published version of all stores: it sees a consistent state, never a
 * write that is not yet durable, and never waits for a writer. Writes are serialized: each runs
 * alone against the newest state, and its changes become visible to readers (and {@code write}
 * returns) only once they are durable. If the work throws, nothing it did is kept, and the
 * exception reaches this caller alone. The work runs on the caller's thread. A write called from
 * inside a write's work joins that transaction; a read inside a write sees the write's own
 * changes.
 *
 * <p>Both methods throw {@link TransientStorageException} while the storage is not ready and
 * {@link StorageException} when a write could not be made durable.
 */
public interface Storage {

  /** Runs {@code work} against the latest published version. */
  <T, E extends Exception> T read(Work<T, E> work) throws E;

  /** Runs {@code work} in a write transaction and returns once its changes are durable. */
  <T, E extends Exception> T write(MutateWork<T, E> work) throws E;

  /** Work done in a read transaction. */
  @FunctionalInterface
  interface Work<T, E extends Exception> {
    T apply(StoreProvider stores) throws E;
  }

  /** Work done in a write transaction. */
  @FunctionalInterface
  interface MutateWork<T, E extends Exception> {
    T apply(MutableStoreProvider stores) throws E;
  }
}
