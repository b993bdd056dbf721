package io.aurora.storage.durable;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Appends transactions to the log with group commit, and publishes each version once durable.
 *
 * <p>At most one append (one batch) is in flight. Transactions submitted meanwhile queue up; when
 * the append completes, every queued transaction goes out in the next batch: their ops concatenated
 * in commit order into one {@link Transaction} entry (snapshots, which must stay entries of their
 * own, go in the same batch as separate entries, in order). So under load many transactions share
 * one log write and one fsync per replica, and an idle storage still commits each transaction at
 * once.
 *
 * <p>When a batch is durable the committer publishes the state of its last transaction (at the
 * batch's last position) and only then completes the batch's futures, so a writer returning from
 * its write always finds its change visible. If an append fails the committer fails that batch and
 * everything queued behind it (those versions were built on the lost one), publishes nothing and
 * refuses further work: the log may or may not hold the entry, and only a restart that recovers
 * from the log can know.
 */
final class GroupCommitter {
  /** One queued item: a transaction (ops and the version they produce) or a whole entry. */
  private record Item(List<Op> ops, StoreState state, List<byte[]> records,
      CompletableFuture<Long> done) {}

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
  private boolean inFlight;
  private Throwable failure;
  /** The newest version handed in; only the committer's own (sequential) tasks touch it. */
  private StoreState latest;

  GroupCommitter(Writer writer, StoreState initial, EntryEncoder encoder, Executor executor,
      Consumer<StoreState> publisher, Consumer<Throwable> onFailure, MeterRegistry registry) {
    this.latest = Objects.requireNonNull(initial);
    this.writer = Objects.requireNonNull(writer);
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
    return enqueue(new Item(List.copyOf(ops), state, null, new CompletableFuture<>()));
  }

  /**
   * Queues an entry already encoded into records (a snapshot, encoded by its caller so that the
   * committer never spends long on one); completes with its last position once durable.
   */
  CompletableFuture<Long> submitEncoded(List<byte[]> records) {
    return enqueue(new Item(null, null, List.copyOf(records), new CompletableFuture<>()));
  }

  /** Stops the writer; queued work fails. */
  void close() {
    StorageException closed = new StorageException("storage closed");
    fail(closed).forEach(item -> item.done().completeExceptionally(closed));
    writer.close();
  }

  Writer writer() {
    return writer;
  }

  private CompletableFuture<Long> enqueue(Item item) {
    synchronized (lock) {
      if (failure != null) {
        item.done().completeExceptionally(
            new StorageException("the log writer failed earlier; restart to recover", failure));
        return item.done();
      }
      queue.add(item);
      if (inFlight) {
        return item.done();
      }
      inFlight = true;
    }
    executor.execute(this::appendNext);
    return item.done();
  }

  private void appendNext() {
    List<Item> batch;
    synchronized (lock) {
      if (queue.isEmpty() || failure != null) {
        inFlight = false;
        return;
      }
      batch = queue;
      queue = new ArrayList<>();
    }
    List<byte[]> records;
    try {
      records = encode(batch);
    } catch (RuntimeException e) {
      failBatch(batch, e);
      return;
    }
    Timer.Sample sample = Timer.start(registry);
    List<CompletableFuture<Position>> appends = new ArrayList<>(records.size());
    for (byte[] record : records) {
      appends.add(writer.append(record));
      bytesWritten.increment(record.length);
    }
    entriesWritten.increment(records.size());
    CompletableFuture.allOf(appends.toArray(new CompletableFuture<?>[0]))
        .whenCompleteAsync((ignored, error) -> {
          sample.stop(appendTimer);
          if (error != null) {
            failBatch(batch, error);
            return;
          }
          long last = appends.get(appends.size() - 1).join().value();
          for (Item item : batch) {
            if (item.state() != null) {
              latest = item.state();
            }
          }
          // Published even after a snapshot-only batch, so that the version's position is the
          // log's, as it is on a follower that applied the same entries.
          publisher.accept(latest.atPosition(last));
          batch.forEach(item -> item.done().complete(last));
          appendNext();
        }, executor);
  }

  private List<byte[]> encode(List<Item> batch) {
    List<byte[]> records = new ArrayList<>();
    List<Op> ops = new ArrayList<>();
    int transactions = 0;
    for (Item item : batch) {
      if (item.records() != null) {
        flush(ops, records);
        records.addAll(item.records());
      } else {
        ops.addAll(item.ops());
        transactions++;
      }
    }
    flush(ops, records);
    batchSize.record(transactions);
    return records;
  }

  private void flush(List<Op> ops, List<byte[]> records) {
    if (!ops.isEmpty()) {
      records.addAll(encoder.encode(LogEntry.transaction(
          new Transaction(new ArrayList<>(ops), storageConstants.CURRENT_SCHEMA_VERSION))));
      ops.clear();
    }
  }

  private void failBatch(List<Item> batch, Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException c
        && c.getCause() != null ? c.getCause() : error;
    List<Item> rest = fail(cause);
    // The storage learns of the failure before any writer does.
    onFailure.accept(cause);
    StorageException e = new StorageException("log append failed: " + cause.getMessage(), cause);
    batch.forEach(item -> item.done().completeExceptionally(e));
    rest.forEach(item -> item.done().completeExceptionally(e));
  }

  private List<Item> fail(Throwable cause) {
    synchronized (lock) {
      if (failure == null) {
        failure = cause;
      }
      List<Item> rest = queue;
      queue = new ArrayList<>();
      inFlight = false;
      return rest;
    }
  }
}
