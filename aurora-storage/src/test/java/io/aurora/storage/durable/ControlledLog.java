package io.aurora.storage.durable;

import io.aurora.log.InMemoryLog;
import io.aurora.log.LogException;
import io.aurora.log.LogTimeoutException;
import io.aurora.log.Position;
import io.aurora.log.Reader;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link InMemoryLog} whose appends a test controls: it can fail them, or hold them (not yet
 * sent to the log, futures pending) until {@link #release()}.
 */
final class ControlledLog implements ReplicatedLog {
  private final InMemoryLog log = new InMemoryLog();
  private final List<Runnable> held = new ArrayList<>();
  final AtomicInteger appends = new AtomicInteger();
  private boolean failing;
  private boolean holding;

  synchronized void failAppends(boolean fail) {
    this.failing = fail;
  }

  synchronized void holdAppends() {
    holding = true;
  }

  /**
   * Sends every held append to the log, in the order they were made, and stops holding. Done under
   * the lock so that an append made meanwhile cannot overtake the held ones (the real log keeps
   * call order too).
   */
  synchronized void release() {
    holding = false;
    held.forEach(Runnable::run);
    held.clear();
  }

  synchronized int heldAppends() {
    return held.size();
  }

  @Override
  public Writer elect() throws LogException {
    Writer inner = log.elect();
    return new Writer() {
      @Override
      public CompletableFuture<Position> append(byte[] data) {
        synchronized (ControlledLog.this) {
          appends.incrementAndGet();
          if (failing) {
            return CompletableFuture.failedFuture(new LogTimeoutException("injected failure"));
          }
          if (holding) {
            CompletableFuture<Position> later = new CompletableFuture<>();
            held.add(() -> inner.append(data).whenComplete((p, e) -> {
              if (e != null) {
                later.completeExceptionally(e);
              } else {
                later.complete(p);
              }
            }));
            return later;
          }
        }
        return inner.append(data);
      }

      @Override
      public CompletableFuture<Position> truncate(Position before) {
        return inner.truncate(before);
      }

      @Override
      public boolean isActive() {
        return inner.isActive();
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  @Override
  public Reader reader() {
    return log.reader();
  }

  @Override
  public void close() {
    log.close();
  }
}
