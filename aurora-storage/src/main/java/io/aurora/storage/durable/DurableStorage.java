package io.aurora.storage.durable;

import static com.google.common.base.Preconditions.checkState;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.storage.Op;
import io.aurora.log.Entry;
import io.aurora.log.LogException;
import io.aurora.log.Position;
import io.aurora.log.Reader;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.Writer;
import io.aurora.storage.Storage;
import io.aurora.storage.StorageException;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.TransientStorageException;
import io.aurora.storage.backup.BackupDirectory;
import io.aurora.storage.mem.RecordingStores;
import io.aurora.storage.mem.StateDraft;
import io.aurora.storage.mem.StoreState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's {@link Storage}: in-memory stores whose every change is durable in the
 * replicated log before anyone sees it.
 *
 * <h2>Life cycle</h2>
 * {@link #start()} recovers the state from the log (the latest snapshot, then the transactions
 * after it, read in batches) and keeps following the log: a follower applies each entry as its
 * replica learns it, so it is a hot standby whose reads serve the latest state it learned.
 * {@link #lead()} elects this replica's log writer, applies the few entries it had not learned yet
 * (no full replay) and starts accepting writes, snapshots and backups. Before {@code start},
 * reads and writes throw {@link TransientStorageException}; writes do too on a follower. After a
 * failed append writes throw {@link StorageException}: the process must restart and recover.
 *
 * <h2>Write path</h2>
 * A write runs under the write lock against the newest version (which may include transactions
 * whose appends are still in flight), records its ops and hands them with the version they produce
 * to the {@link GroupCommitter}; it then releases the lock and waits. The committer batches
 * transactions into one log entry, and publishes the last version of a batch once the append is
 * acknowledged, before it releases the waiting writers. Reads take the published version and
 * never block.
 *
 * <h2>Snapshots</h2>
 * A snapshot is built from the published (durable) version, not under the write lock: the version
 * is immutable, so building, encoding and compressing it runs while writes go on. The snapshot
 * records the log position it reflects; the transactions that commit meanwhile land between that
 * position and the snapshot entry and are applied after it on recovery (see {@link Replayer}).
 * Once the snapshot is durable the log is truncated before the first position it does not cover.
 */
public final class DurableStorage implements Storage, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DurableStorage.class);
  private static final int READ_BATCH = 1024;

  /** Where the storage is in its life cycle. */
  public enum Mode { CREATED, FOLLOWING, LEADING, FAILED, CLOSED }

  private final ReplicatedLog log;
  private final Reader reader;
  private final StorageOptions options;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final Executor commitExecutor;
  private final MeterRegistry registry;
  private final EntryEncoder encoder;
  private final SnapshotEncoder snapshotEncoder;
  private final BackupDirectory backups;

  private final ReentrantLock writeLock = new ReentrantLock();
  private final ThreadLocal<RecordingStores> currentWrite = new ThreadLocal<>();
  private final Object applyLock = new Object();
  private final Object snapshotLock = new Object();

  private volatile Mode mode = Mode.CREATED;
  private volatile StoreState published;
  /** The newest version, durable or not; guarded by writeLock. */
  private StoreState head;
  private CompletableFuture<Long> lastSubmitted = CompletableFuture.completedFuture(0L);
  private volatile GroupCommitter committer;
  /** Guarded by applyLock. */
  private Replayer replayer;
  private Reader.Subscription subscription;
  private long entriesReadOnLead;
  private ScheduledFuture<?> snapshotTask;
  private ScheduledFuture<?> backupTask;

  private final List<Consumer<Throwable>> failureListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong unsnapshotted = new AtomicLong();
  private final Counter snapshots;
  private final Timer snapshotCreate;
  private final Timer snapshotTotal;
  private final Timer recoveryTimer;
  private final Timer writeLockWait;
  private final Counter backupSuccess;
  private final Counter backupFailed;

  /**
   * @param executor runs the snapshot and backup timers and re-recovery after a follow error; its
   *     tasks block on log writes, so it must not be {@code commitExecutor}'s only thread
   * @param commitExecutor runs the group committer (encoding batches, publishing versions); its
   *     tasks never block
   */
  public DurableStorage(ReplicatedLog log, StorageOptions options, Clock clock,
      ScheduledExecutorService executor, Executor commitExecutor, MeterRegistry registry) {
    this.log = Objects.requireNonNull(log, "log");
    this.reader = log.reader();
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.commitExecutor = Objects.requireNonNull(commitExecutor, "commitExecutor");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.encoder = new EntryEncoder(options.maxEntrySizeBytes());
    this.snapshotEncoder = new SnapshotEncoder(options.maxEntrySizeBytes());
    this.backups = new BackupDirectory(options.backupDir(), options.maxSavedBackups(), clock);
    this.snapshots = registry.counter("scheduler_log_snapshots");
    this.snapshotCreate = registry.timer("snapshot_create");
    this.snapshotTotal = registry.timer("scheduler_log_snapshot");
    this.recoveryTimer = registry.timer("scheduler_log_recovery");
    this.writeLockWait = registry.timer("storage_write_lock_wait");
    this.backupSuccess = registry.counter("scheduler_backup_success");
    this.backupFailed = registry.counter("scheduler_backup_failed");
    Gauge.builder("scheduler_log_un_snapshotted_transactions", unsnapshotted, AtomicLong::get)
        .register(registry);
    for (ScheduleStatus status : ScheduleStatus.values()) {
      Gauge.builder("task_store_" + status.name(), this, s -> s.taskCount(status))
          .register(registry);
    }
  }

  private double taskCount(ScheduleStatus status) {
    StoreState state = published;
    return state == null ? 0 : state.taskCount(status);
  }

  // ------------------------------------------------------------------------------------------
  // Life cycle
  // ------------------------------------------------------------------------------------------

  /** Recovers the state from the log and starts following it (hot standby). */
  public void start() throws LogException {
    synchronized (applyLock) {
      checkState(mode == Mode.CREATED, "start() in mode %s", mode);
      recover();
      follow();
      mode = Mode.FOLLOWING;
    }
  }

  /** Becomes the log writer: elects, catches up on what was not learned yet, accepts writes. */
  public void lead() throws LogException {
    synchronized (applyLock) {
      if (mode == Mode.CREATED) {
        recover();
      }
      checkState(mode == Mode.CREATED || mode == Mode.FOLLOWING, "lead() in mode %s", mode);
      if (subscription != null) {
        subscription.close();
        subscription = null;
      }
    }
    Writer writer = log.elect();
    synchronized (applyLock) {
      long before = replayer.entriesApplied();
      readUpTo(reader.ending());
      entriesReadOnLead = replayer.entriesApplied() - before;
      publish(replayer.state());
    }
    writeLock.lock();
    try {
      head = published;
      committer = new GroupCommitter(writer, published, encoder, commitExecutor, this::publish, this::onAppendFailed,
          registry);
      mode = Mode.LEADING;
    } finally {
      writeLock.unlock();
    }
    long snapshotMs = options.snapshotInterval().toMillis();
    snapshotTask = executor.scheduleWithFixedDelay(this::scheduledSnapshot, snapshotMs, snapshotMs,
        TimeUnit.MILLISECONDS);
    long backupMs = options.backupInterval().toMillis();
    backupTask = executor.scheduleWithFixedDelay(this::scheduledBackup, backupMs, backupMs,
        TimeUnit.MILLISECONDS);
    LOG.info("Leading at log position {} after reading {} entries not yet applied",
        published.logPosition(), entriesReadOnLead);
  }

  private void recover() throws LogException {
    Timer.Sample sample = Timer.start(registry);
    Position beginning = reader.beginning();
    replayer = new Replayer(StoreState.empty(), beginning.value() <= 1);
    readFrom(beginning, reader.ending());
    publish(replayer.state());
    sample.stop(recoveryTimer);
    LOG.info("Recovered {} tasks at log position {} from {} entries ({} snapshots loaded)",
        published.taskCount(), published.logPosition(), replayer.entriesApplied(),
        replayer.snapshotsLoaded());
  }

  private void readUpTo(Position ending) throws LogException {
    readFrom(Position.of(replayer.lastRecord() + 1), ending);
  }

  /** Feeds the replayer every record in [from, to], READ_BATCH positions per read. */
  private void readFrom(Position from, Position to) throws LogException {
    for (long start = from.value(); start <= to.value(); start += READ_BATCH) {
      long end = Math.min(to.value(), start + READ_BATCH - 1);
      List<Entry> entries = reader.read(Position.of(start), Position.of(end));
      entries.forEach(replayer::accept);
    }
  }

  private void follow() {
    subscription = reader.follow(Position.of(replayer.lastRecord() + 1), this::onLearned,
        this::onFollowError);
  }

  private void onLearned(Entry entry) {
    synchronized (applyLock) {
      if (mode == Mode.LEADING || mode == Mode.CLOSED || subscription == null
          || entry.position().value() <= replayer.lastRecord()) {
        return;
      }
      try {
        replayer.accept(entry);
        if (replayer.baseKnown()) {
          publish(replayer.state());
        }
      } catch (RuntimeException e) {
        LOG.error("Cannot apply log entry at {}; this replica stops serving state", entry.position(),
            e);
        failed(e);
      }
    }
  }

  private void onFollowError(LogException e) {
    // The log was truncated past what this follower had applied: it fell too far behind. Start
    // over from the new beginning, which holds a snapshot.
    LOG.warn("Following the log failed ({}); recovering again", e.getMessage());
    executor.execute(() -> {
      synchronized (applyLock) {
        if (mode != Mode.FOLLOWING) {
          return;
        }
        try {
          recover();
          follow();
        } catch (LogException | RuntimeException again) {
          LOG.error("Recovery after a follow error failed", again);
          failed(again);
        }
      }
    });
  }

  private void publish(StoreState state) {
    published = state;
  }

  private void onAppendFailed(Throwable cause) {
    LOG.error("Log append failed; this storage accepts no more writes", cause);
    writeLock.lock();
    try {
      head = published;
      mode = Mode.FAILED;
    } finally {
      writeLock.unlock();
    }
    failed(cause);
  }

  @Override
  public void close() {
    synchronized (applyLock) {
      mode = Mode.CLOSED;
      if (subscription != null) {
        subscription.close();
        subscription = null;
      }
    }
    if (snapshotTask != null) {
      snapshotTask.cancel(false);
    }
    if (backupTask != null) {
      backupTask.cancel(false);
    }
    GroupCommitter c = committer;
    if (c != null) {
      c.close();
    }
  }

  /**
   * Calls {@code listener} (once) when this storage fails: a log append failed, or an entry
   * learned while following could not be applied. The scheduler should exit then; a restart
   * recovers from the log.
   */
  public void onFailure(Consumer<Throwable> listener) {
    failureListeners.add(Objects.requireNonNull(listener));
  }

  private void failed(Throwable cause) {
    mode = Mode.FAILED;
    for (Consumer<Throwable> listener : failureListeners) {
      try {
        listener.accept(cause);
      } catch (RuntimeException e) {
        LOG.error("Storage failure listener threw", e);
      }
    }
  }

  public Mode mode() {
    return mode;
  }

  /** The published (durable) version. */
  public StoreState state() {
    StoreState state = published;
    if (state == null) {
      throw new TransientStorageException("Storage is not READY: still recovering");
    }
    return state;
  }

  /** How many log entries {@link #lead()} had to apply on top of the followed state. */
  public long entriesReadOnLastLead() {
    return entriesReadOnLead;
  }

  // ------------------------------------------------------------------------------------------
  // Transactions
  // ------------------------------------------------------------------------------------------

  @Override
  public <T, E extends Exception> T read(Work<T, E> work) throws E {
    RecordingStores tx = currentWrite.get();
    if (tx != null) {
      return work.apply(tx);
    }
    return work.apply(state().stores());
  }

  @Override
  public <T, E extends Exception> T write(MutateWork<T, E> work) throws E {
    RecordingStores joined = currentWrite.get();
    if (joined != null) {
      return work.apply(joined);
    }
    checkWritable();
    Timer.Sample wait = Timer.start(registry);
    writeLock.lock();
    CompletableFuture<Long> durable;
    T result;
    try {
      wait.stop(writeLockWait);
      checkWritable();
      RecordingStores tx = new RecordingStores(new StateDraft(head));
      currentWrite.set(tx);
      try {
        result = work.apply(tx);
      } finally {
        currentWrite.remove();
      }
      List<Op> ops = tx.finish();
      if (ops.isEmpty()) {
        // Nothing to write, but the work may have read versions still in flight.
        durable = lastSubmitted;
      } else {
        head = tx.draft().toState(head.logPosition());
        durable = committer.submit(ops, head);
        lastSubmitted = durable;
        unsnapshotted.incrementAndGet();
      }
    } finally {
      writeLock.unlock();
    }
    await(durable);
    return result;
  }

  private void checkWritable() {
    Mode m = mode;
    if (m == Mode.FAILED) {
      throw new StorageException("Storage failed after a log error; the scheduler must restart");
    }
    if (m == Mode.CLOSED) {
      throw new StorageException("Storage is closed");
    }
    if (m != Mode.LEADING) {
      throw new TransientStorageException("Storage is not READY for writes (" + m + ")");
    }
  }

  private static long await(CompletableFuture<Long> future) {
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

  // ------------------------------------------------------------------------------------------
  // Snapshots and backups
  // ------------------------------------------------------------------------------------------

  /**
   * Writes a snapshot of the durable state to the log now and truncates the log before the first
   * position it does not cover. Writers keep going meanwhile. Returns the snapshot's last log
   * position.
   */
  public long snapshot() {
    checkWritable();
    synchronized (snapshotLock) {
      Timer.Sample total = Timer.start(registry);
      Timer.Sample create = Timer.start(registry);
      StoreState base = published;
      long unsnapshottedBefore = unsnapshotted.get();
      List<byte[]> records = snapshotEncoder.encode(base, clock.millis());
      long encodeNanos = create.stop(snapshotCreate);
      long position = await(committer.submitSnapshot(records));
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

  /** Writes a backup of the durable state now; returns its file. */
  public Path backup() {
    try {
      Path file = backups.write(state().toSnapshot(clock.millis()));
      backupSuccess.increment();
      return file;
    } catch (StorageException e) {
      backupFailed.increment();
      throw e;
    }
  }

  /** The backup directory, for listing and reading backups. */
  public BackupDirectory backups() {
    return backups;
  }

  private void scheduledSnapshot() {
    try {
      if (mode == Mode.LEADING) {
        snapshot();
      }
    } catch (RuntimeException e) {
      LOG.error("Scheduled snapshot failed", e);
    }
  }

  private void scheduledBackup() {
    try {
      if (mode == Mode.LEADING) {
        backup();
      }
    } catch (RuntimeException e) {
      LOG.error("Scheduled backup failed", e);
    }
  }
}
