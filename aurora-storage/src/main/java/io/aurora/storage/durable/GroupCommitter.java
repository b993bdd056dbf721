package io.aurora.storage.durable;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.aurora.gen.storage.LogEntry;
import io.aurora.gen.storage.Op;
import io.aurora.gen.storage.Transaction;
import io.aurora.gen.storage.storageConstants;
import io.aurora.log.Position;
import io.aurora.log.Writer;
import io.aurora.storage.StorageException;
import io.aurora.storage.mem.StoreState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Appends transactions to the log with group commit, and publishes each version once durable.
 *
 * <p>At most one batch of transactions is in flight. Transactions submitted meanwhile queue up;
 * when the batch is durable, every queued transaction goes out in the next batch, their ops
 * concatenated in commit order into one {@link Transaction} entry. So under load many transactions
 * share one log write and one fsync per replica, and an idle storage still commits each transaction
 * at once.
 *
 * <p>A snapshot's records (a header and small chunks, see {@link SnapshotEncoder}) are not
 * appended ahead of the writers: each time a batch goes out, the next snapshot record follows it,
 * and when no transaction is waiting a snapshot record takes the slot on its own. So at most about
 * two chunks of snapshot data are in flight at once, a batch never queues behind more than that,
 * and the snapshot still progresses when the storage is idle. Transaction records therefore sit
 * between a snapshot's frames in the log, which {@link EntryDecoder} allows; two framed entries
 * never interleave (a framed batch that comes up mid-snapshot first sends the snapshot's remaining
 * records).
 *
 * <p>Versions are published strictly in the order their appends were issued (a chain of futures):
 * a batch publishes the state of its last transaction at the batch's last position, a snapshot
 * record republishes the previous state at its own position; only then are the batch's
 * futures completed, so a writer returning from its write always finds its change visible. If an
 * append fails, that group and everything issued or queued after it fail (those versions were built
 * on the lost one), nothing more is published and the committer refuses further work: the log may
 * or may not hold the entry, and only a restart that recovers from the log can know.
 */
final class GroupCommitter {
  /** One queued transaction: its ops, the version they produce, and its caller's future. */
  private record Item(List<Op> ops, StoreState state, CompletableFuture<Long> done) {}

  private final Writer writer;
  private final EntryEncoder encoder;
  private final Executor executor;
  private final Consumer<StoreState> publisher;
  private final Consumer<Throwable> onFailure;
  private final MeterRegistry registry;
  private final Timer appendTimer;
  private final DistributionSummary batchSize;
  private final Counter entriesWritten;
  private final Counter bytesWritten;

  private final Object lock = new Object();
  private List<Item> queue = new ArrayList<>();
  /** The snapshot records not yet appended, and the future of the snapshot; guarded by lock. */
  private final ArrayDeque<byte[]> snapshotRecords = new ArrayDeque<>();
  private CompletableFuture<Long> snapshotDone;
  private boolean snapshotStarted;
  private boolean batchInFlight;
  private Throwable failure;
  /** Completes with the last published version, after every group issued so far. */
  private CompletableFuture<StoreState> tail;
  /** Completes once the group holding the slot is published; guarded by lock. */
  private CompletableFuture<?> slotHolder = CompletableFuture.completedFuture(null);

  GroupCommitter(Writer writer, StoreState initial, EntryEncoder encoder, Executor executor,
      Consumer<StoreState> publisher, Consumer<Throwable> onFailure, MeterRegistry registry) {
    this.writer = Objects.requireNonNull(writer);
    this.tail = CompletableFuture.completedFuture(Objects.requireNonNull(initial));
    this.encoder = encoder;
    this.executor = executor;
    this.publisher = publisher;
    this.onFailure = onFailure;
    this.registry = registry;
    this.appendTimer = registry.timer("scheduler_log_native_append");
    this.batchSize = registry.summary("scheduler_log_group_commit_transactions");
    this.entriesWritten = registry.counter("scheduler_log_entries_written");
    this.bytesWritten = registry.counter("scheduler_log_bytes_written");
  }

  /** Queues a transaction; completes with the position its batch ended at once durable. */
  CompletableFuture<Long> submit(List<Op> ops, StoreState state) {
    Item item = new Item(List.copyOf(ops), state, new CompletableFuture<>());
    synchronized (lock) {
      if (failure != null) {
        item.done().completeExceptionally(refused());
        return item.done();
      }
      queue.add(item);
      if (batchInFlight) {
        return item.done();
      }
      batchInFlight = true;
    }
    executor.execute(this::appendNext);
    return item.done();
  }

  /**
   * Queues a snapshot's records (encoded by its caller so that the committer never spends long on
   * one), to be appended interleaved with the transaction batches; completes with the position of
   * its last record once every record is durable. One snapshot at a time.
   */
  CompletableFuture<Long> submitSnapshot(List<byte[]> records) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    synchronized (lock) {
      if (failure != null) {
        done.completeExceptionally(refused());
        return done;
      }
      checkState(snapshotDone == null, "a snapshot is already being appended");
      checkArgument(!records.isEmpty(), "no records");
      snapshotRecords.addAll(records);
      snapshotDone = done;
      if (batchInFlight) {
        return done;
      }
      batchInFlight = true;
    }
    executor.execute(this::appendNext);
    return done;
  }

  /**
   * Completes once the batch in flight now (if any) is published or failed. A long CPU-bound task
   * that waits on it now and then (the snapshot encoder) lets the writers' batches go first.
   */
  CompletableFuture<?> inFlightBatch() {
    synchronized (lock) {
      return batchInFlight ? slotHolder : CompletableFuture.completedFuture(null);
    }
  }

  /** Stops the writer; queued and in-flight work fails. */
  void close() {
    StorageException closed = new StorageException("storage closed");
    fail(closed).forEach(f -> f.completeExceptionally(closed));
    writer.close();
  }

  Writer writer() {
    return writer;
  }

  private StorageException refused() {
    return new StorageException("the log writer failed earlier; restart to recover", failure);
  }

  private void appendNext() {
    List<Item> batch;
    synchronized (lock) {
      if (failure != null || (queue.isEmpty() && snapshotRecords.isEmpty())) {
        batchInFlight = false;
        return;
      }
      if (queue.isEmpty()) {
        // No transaction waits: the slot carries the next piece of the snapshot.
        issueSnapshotRecord(true);
        return;
      }
      batch = queue;
      queue = new ArrayList<>();
    }
    List<Op> ops = new ArrayList<>();
    batch.forEach(item -> ops.addAll(item.ops()));
    List<CompletableFuture<Long>> futures = batch.stream().map(Item::done).toList();
    List<byte[]> records;
    try {
      records = encoder.encode(LogEntry.transaction(
          new Transaction(ops, storageConstants.CURRENT_SCHEMA_VERSION)));
    } catch (RuntimeException e) {
      failGroup(futures, e);
      return;
    }
    batchSize.record(batch.size());
    synchronized (lock) {
      if (failure != null) {
        StorageException e = refused();
        futures.forEach(f -> f.completeExceptionally(e));
        batchInFlight = false;
        return;
      }
      if (records.size() > 1 && snapshotStarted) {
        // Framed entries must not interleave: the snapshot's frames go out first.
        while (!snapshotRecords.isEmpty()) {
          issueSnapshotRecord(false);
        }
      }
      issue(records, batch.get(batch.size() - 1).state(), futures, true);
      if (!snapshotRecords.isEmpty()) {
        issueSnapshotRecord(false);
      }
    }
  }

  /** Appends the next snapshot record; the last one completes the snapshot. Under the lock. */
  private void issueSnapshotRecord(boolean holdsSlot) {
    byte[] record = snapshotRecords.poll();
    List<CompletableFuture<Long>> futures = List.of();
    if (snapshotRecords.isEmpty()) {
      futures = List.of(snapshotDone);
      snapshotDone = null;
      snapshotStarted = false;
    } else {
      snapshotStarted = true;
    }
    issue(List.of(record), null, futures, holdsSlot);
  }

  /**
   * Appends one entry's records (under the lock, so they are contiguous) and chains its
   * publication after every group issued before it.
   *
   * @param state the version the group produces, or null to keep the previous one
   * @param isBatch whether this group holds the slot (and frees it when done)
   */
  private void issue(List<byte[]> records, StoreState state, List<CompletableFuture<Long>> futures,
      boolean isBatch) {
    Timer.Sample sample = Timer.start(registry);
    List<CompletableFuture<Position>> appends = new ArrayList<>(records.size());
    for (byte[] record : records) {
      appends.add(writer.append(record));
      bytesWritten.increment(record.length);
    }
    entriesWritten.increment(records.size());
    CompletableFuture<Void> durable = CompletableFuture.allOf(
        appends.toArray(new CompletableFuture<?>[0]));
    durable.whenComplete((ignored, error) -> sample.stop(appendTimer));
    tail = tail.thenCombineAsync(durable, (previous, ignored) -> {
      long last = appends.get(appends.size() - 1).join().value();
      if (last <= previous.logPosition()) {
        // Publishing would label a version with a position it does not reach: a later snapshot
        // would then skip entries on recovery. The log broke its ordering promise; stop.
        throw new IllegalStateException("log positions out of call order: " + last
            + " after " + previous.logPosition());
      }
      StoreState published = (state != null ? state : previous).atPosition(last);
      publisher.accept(published);
      futures.forEach(f -> f.complete(last));
      return published;
    }, executor);
    if (isBatch) {
      slotHolder = tail;
    }
    tail.whenComplete((published, error) -> {
      if (error != null) {
        failGroup(futures, error);
      } else if (isBatch) {
        appendNext();
      }
    });
  }

  private void failGroup(List<CompletableFuture<Long>> futures, Throwable error) {
    Throwable cause = error instanceof CompletionException c && c.getCause() != null
        ? c.getCause() : error;
    boolean first;
    synchronized (lock) {
      first = failure == null;
    }
    List<CompletableFuture<Long>> rest = fail(cause);
    if (first) {
      // The storage learns of the failure before any writer does.
      onFailure.accept(cause);
    }
    StorageException e = cause instanceof StorageException s ? s
        : new StorageException("log append failed: " + cause.getMessage(), cause);
    futures.forEach(f -> f.completeExceptionally(e));
    rest.forEach(f -> f.completeExceptionally(e));
  }

  /** Marks the committer failed; returns the futures of everything queued and not yet issued. */
  private List<CompletableFuture<Long>> fail(Throwable cause) {
    synchronized (lock) {
      if (failure == null) {
        failure = cause;
      }
      List<CompletableFuture<Long>> rest = new ArrayList<>();
      queue.forEach(item -> rest.add(item.done()));
      queue = new ArrayList<>();
      if (snapshotDone != null) {
        rest.add(snapshotDone);
        snapshotDone = null;
      }
      snapshotRecords.clear();
      snapshotStarted = false;
      batchInFlight = false;
      return rest;
    }
  }

  /** Waits for a log future; a failure becomes a {@link StorageException}. */
  static long await(CompletableFuture<Long> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for the log", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StorageException s) {
        throw new StorageException(s.getMessage(), s);
      }
      throw new StorageException("log append failed", e.getCause());
    }
  }
}
