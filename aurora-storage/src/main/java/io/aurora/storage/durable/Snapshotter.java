package io.aurora.storage.durable;

import io.aurora.log.Position;
import io.aurora.storage.StorageException;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.backup.BackupDirectory;
import io.aurora.storage.mem.StoreState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes snapshots of the durable state to the log, truncating the log before them, and backups of
 * it to the backup directory. Neither takes a lock that writers need: both read an immutable
 * published version.
 *
 * <p>A snapshot is encoded from the published (durable) version, task by task, straight into
 * compressed 64 KiB chunks ({@link SnapshotEncoder}); the {@link GroupCommitter} then appends those
 * chunks between the transaction batches, never ahead of them. The snapshot records the log
 * position it reflects; the transactions that commit meanwhile land after that position (some
 * between the snapshot's chunks) and are applied after it on recovery (see {@link Replayer}).
 * Once every record of the snapshot is durable the log is truncated before the first position it
 * does not cover.
 */
final class Snapshotter {
  private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);
  /** The longest the encoder waits for a writers' batch between two slices of tasks. */
  static final long GIVE_WAY_MS = 100;

  private final SnapshotEncoder encoder;
  private final BackupDirectory backups;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Object lock = new Object();
  private final AtomicLong unsnapshotted = new AtomicLong();
  private final Counter snapshots;
  private final Timer snapshotCreate;
  private final Timer snapshotTotal;
  private final Counter backupSuccess;
  private final Counter backupFailed;

  Snapshotter(StorageOptions options, Clock clock, MeterRegistry registry) {
    this.encoder = new SnapshotEncoder(options.maxEntrySizeBytes());
    this.backups = new BackupDirectory(options.backupDir(), options.maxSavedBackups(), clock);
    this.clock = clock;
    this.registry = registry;
    this.snapshots = registry.counter("scheduler_log_snapshots");
    this.snapshotCreate = registry.timer("snapshot_create");
    this.snapshotTotal = registry.timer("scheduler_log_snapshot");
    this.backupSuccess = registry.counter("scheduler_backup_success");
    this.backupFailed = registry.counter("scheduler_backup_failed");
    Gauge.builder("scheduler_log_un_snapshotted_transactions", unsnapshotted, AtomicLong::get)
        .register(registry);
  }

  /** Counts a transaction submitted to the log since the last snapshot. */
  void transactionSubmitted() {
    unsnapshotted.incrementAndGet();
  }

  /**
   * Writes a snapshot of {@code published} (read once, at the start) through {@code committer}
   * and, once every record of it is durable, truncates the log before the first position it does
   * not cover. One snapshot at a time. Returns the snapshot's last log position.
   */
  long snapshot(Supplier<StoreState> published, GroupCommitter committer) {
    synchronized (lock) {
      Timer.Sample total = Timer.start(registry);
      Timer.Sample create = Timer.start(registry);
      StoreState base = published.get();
      long unsnapshottedBefore = unsnapshotted.get();
      List<byte[]> records = encoder.encode(base, clock.millis(), () -> giveWay(committer));
      long encodeNanos = create.stop(snapshotCreate);
      long position = GroupCommitter.await(committer.submitSnapshot(records));
      if (base.logPosition() > 0) {
        try {
          committer.writer().truncate(Position.of(base.logPosition() + 1)).get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StorageException("interrupted while truncating the log", e);
        } catch (ExecutionException e) {
          // The snapshot is durable; a failed truncation only leaves the log longer.
          LOG.warn("Truncating the log before {} failed", base.logPosition() + 1, e.getCause());
        }
      }
      unsnapshotted.addAndGet(-unsnapshottedBefore);
      snapshots.increment();
      long nanos = total.stop(snapshotTotal);
      LOG.info("Snapshot of {} tasks ({} configs) at log position {} in {} records, {} ms ({} ms to"
          + " encode)", base.taskCount(), base.taskConfigCount(), position, records.size(),
          TimeUnit.NANOSECONDS.toMillis(nanos), TimeUnit.NANOSECONDS.toMillis(encodeNanos));
      return position;
    }
  }

  /**
   * Appends the records of a state that replaces the whole state (a committed recovery) and waits
   * until they are durable; returns the last one's position. Runs under the snapshot lock, so that
   * no periodic snapshot or truncation is in flight: the records then start right after
   * {@code ending}, the last position written, which {@code encode} receives plus one.
   */
  long restore(LongFunction<List<byte[]>> encode, LongSupplier ending, GroupCommitter committer) {
    synchronized (lock) {
      List<byte[]> records = encode.apply(ending.getAsLong() + 1);
      long position = GroupCommitter.await(committer.submitSnapshot(records));
      unsnapshotted.set(0);
      LOG.warn("Restored a staged recovery in {} records ending at log position {}",
          records.size(), position);
      return position;
    }
  }

  /**
   * Lets the writers' batch in flight, if any, be published before encoding goes on (at most
   * {@link #GIVE_WAY_MS}). Encoding is CPU-bound and the writers' commits are latency-bound: on a
   * machine with few cores, an encoder that never stops takes the CPU that the next batch needs.
   * Snapshots then take a little longer under write load, and no longer when idle.
   */
  private static void giveWay(GroupCommitter committer) {
    try {
      committer.inFlightBatch().get(GIVE_WAY_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while writing a snapshot", e);
    } catch (ExecutionException | TimeoutException e) {
      // A failed batch fails the snapshot's own append; a slow one only stops the waiting.
    }
  }

  /** Writes a backup of {@code state} now; returns its file. */
  Path backup(StoreState state) {
    try {
      Path file = backups.write(state.toSnapshot(clock.millis()));
      backupSuccess.increment();
      return file;
    } catch (StorageException e) {
      backupFailed.increment();
      throw e;
    }
  }

  BackupDirectory backups() {
    return backups;
  }

  /**
   * Runs {@code task} every {@code interval} on {@code executor} when {@code when} holds; a
   * failure is logged and the next run happens as planned.
   */
  static ScheduledFuture<?> every(ScheduledExecutorService executor, Duration interval,
      String what, BooleanSupplier when, Runnable task) {
    long ms = interval.toMillis();
    return executor.scheduleWithFixedDelay(() -> {
      try {
        if (when.getAsBoolean()) {
          task.run();
        }
      } catch (RuntimeException e) {
        LOG.error("Scheduled {} failed", what, e);
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }
}
