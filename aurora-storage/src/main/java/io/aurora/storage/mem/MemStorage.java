package io.aurora.storage.mem;

import io.aurora.storage.Storage;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A volatile {@link Storage}: writes are serialized and published when their work returns. For
 * tests, tools (staging a backup) and embedding without durability. Reads never block: they run
 * against the published {@link StoreState}.
 */
public final class MemStorage implements Storage {
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ThreadLocal<RecordingStores> currentWrite = new ThreadLocal<>();
  private volatile StoreState state;

  public MemStorage() {
    this(StoreState.empty());
  }

  public MemStorage(StoreState initial) {
    this.state = initial;
  }

  /** The published version. */
  public StoreState state() {
    return state;
  }

  @Override
  public <T, E extends Exception> T read(Work<T, E> work) throws E {
    RecordingStores tx = currentWrite.get();
    return work.apply(tx != null ? tx : new StateStores(state));
  }

  @Override
  public <T, E extends Exception> T write(MutateWork<T, E> work) throws E {
    RecordingStores joined = currentWrite.get();
    if (joined != null) {
      return work.apply(joined);
    }
    writeLock.lock();
    try {
      StoreState base = state;
      RecordingStores tx = new RecordingStores(new StateDraft(base));
      currentWrite.set(tx);
      T result;
      try {
        result = work.apply(tx);
      } finally {
        currentWrite.remove();
      }
      tx.finish();
      state = tx.draft().toState(base.logPosition());
      return result;
    } finally {
      writeLock.unlock();
    }
  }
}
