package io.aurora.scheduling.testing;

import io.aurora.storage.Storage;
import java.util.concurrent.atomic.AtomicLong;

/** A storage that counts the writes made through it (each {@code write} call) and delegates. */
public final class CountingStorage implements Storage {
  private final Storage delegate;
  private final AtomicLong writes = new AtomicLong();

  public CountingStorage(Storage delegate) {
    this.delegate = delegate;
  }

  @Override
  public <T, E extends Exception> T read(Work<T, E> work) throws E {
    return delegate.read(work);
  }

  @Override
  public <T, E extends Exception> T write(MutateWork<T, E> work) throws E {
    writes.incrementAndGet();
    return delegate.write(work);
  }

  /** Writes so far. */
  public long writes() {
    return writes.get();
  }
}
