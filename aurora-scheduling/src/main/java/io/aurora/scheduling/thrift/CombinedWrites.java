package io.aurora.scheduling.thrift;

import io.aurora.scheduling.runtime.ChangeListener;
import io.aurora.scheduling.state.StateChanges;
import io.aurora.storage.MutableStoreProvider;
import io.aurora.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;

/**
 * Runs concurrent API mutations of one kind in shared write transactions (flat combining): a
 * caller queues its work; if no other caller is combining, it takes every queued work item and
 * runs them all in one {@link Storage#write}, otherwise it waits for the combiner that took its
 * item. Many callers then cost one write-lock hand-off, one transaction and one log entry, where
 * each used to wait its turn for the lock; on a busy machine each hand-off also waited for the
 * woken thread to be scheduled.
 *
 * <p>Semantics are those of one write per call: every call returns only once its changes are
 * durable; a work item that fails its validation with {@link InvalidRequestException} (before it
 * changes anything, as the API's checks do) fails alone while the others commit; the items of a
 * batch run in queue order, so a later item sees an earlier one's changes (two creations of the
 * same job: the second is refused). If an item throws anything else, the shared transaction is
 * abandoned and every item of the batch is run again in a transaction of its own, so that one
 * call's failure never becomes another's.
 *
 * <p>The combining role passes on as soon as a batch's work has run (inside the write lock), so
 * the next batch's work runs while the previous one's log append is in flight.
 */
final class CombinedWrites {
  /** One caller's work and its outcome. */
  private static final class Item {
    final BiFunction<MutableStoreProvider, StateChanges, ?> work;
    final CompletableFuture<Object> done = new CompletableFuture<>();
    boolean taken;
    Object result;
    RuntimeException invalid;

    Item(BiFunction<MutableStoreProvider, StateChanges, ?> work) {
      this.work = work;
    }
  }

  private final Storage storage;
  private final ChangeListener afterCommit;
  private final Object lock = new Object();
  private List<Item> queue = new ArrayList<>();
  private boolean combining;

  CombinedWrites(Storage storage, ChangeListener afterCommit) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
  }

  /** Runs {@code work} in a write shared with concurrent callers; returns once it is durable. */
  @SuppressWarnings("unchecked")
  <T> T write(BiFunction<MutableStoreProvider, StateChanges, T> work) {
    Item mine = new Item(work);
    List<Item> batch = null;
    boolean interrupted = false;
    synchronized (lock) {
      queue.add(mine);
      while (!mine.taken && combining) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          // Queued work may be taken by a combiner at any moment: see the call through.
          interrupted = true;
        }
      }
      if (!mine.taken) {
        combining = true;
        batch = queue;
        queue = new ArrayList<>();
        batch.forEach(item -> item.taken = true);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (batch != null) {
      runBatch(batch);
    }
    return (T) await(mine.done);
  }

  /** Work items waiting for a combiner (for tests). */
  int queued() {
    synchronized (lock) {
      return queue.size();
    }
  }

  private void runBatch(List<Item> batch) {
    StateChanges changes = new StateChanges();
    try {
      storage.write(stores -> {
        try {
          for (Item item : batch) {
            try {
              item.result = item.work.apply(stores, changes);
            } catch (InvalidRequestException e) {
              item.invalid = e;
            }
          }
        } finally {
          release();
        }
        return null;
      });
    } catch (Error e) {
      release();
      batch.forEach(item -> item.done.completeExceptionally(e));
      throw e;
    } catch (RuntimeException e) {
      release();
      if (batch.size() == 1) {
        batch.get(0).done.completeExceptionally(e);
      } else {
        // One item's unexpected failure (or the storage's) must not decide the others': run
        // each alone, as if it had been the only caller.
        batch.forEach(this::runAlone);
      }
      return;
    }
    afterCommit.afterCommit(changes);
    for (Item item : batch) {
      if (item.invalid != null) {
        item.done.completeExceptionally(item.invalid);
      } else {
        item.done.complete(item.result);
      }
    }
  }

  private void runAlone(Item item) {
    StateChanges changes = new StateChanges();
    try {
      Object result = storage.write(stores -> item.work.apply(stores, changes));
      afterCommit.afterCommit(changes);
      item.done.complete(result);
    } catch (RuntimeException e) {
      item.done.completeExceptionally(e);
    }
  }

  private void release() {
    synchronized (lock) {
      if (combining) {
        combining = false;
        lock.notifyAll();
      }
    }
  }

  private static Object await(CompletableFuture<Object> done) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get();
        } catch (InterruptedException e) {
          // The work may already be in a transaction: the caller learns its outcome regardless.
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
