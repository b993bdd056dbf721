package io.aurora.storage.durable;

import static com.google.common.base.Preconditions.checkState;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.storage.Op;
import io.aurora.log.Entry;
import io.aurora.log.LogException;
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
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
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
 * This is the one place where writes are batched. A write runs under the write lock against the
 * newest version (which may include transactions whose appends are still in flight), records its
 * ops and hands them with the version they produce to the {@link GroupCommitter}; it then releases
 * the lock and waits. The committer batches the transactions that arrive while an append is in
 * flight into one log entry, and publishes the last version of a batch once the append is
 * acknowledged, before it releases the waiting writers. Reads take the published version and never
 * block. (Flat combining of writers under the lock was tried and dropped: it raised placement
 * throughput a little but lowered end-to-end throughput, and ran work on other callers' threads;
 * see docs/performance.md.)
 *
 * <h2>Snapshots</h2>
 * Written from the published version while writes go on, interleaved with the transaction batches
 * in the log; see {@link Snapshotter}. Recovery and following are {@link LogReplay}'s.
 */
public final class DurableStorage implements Storage, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DurableStorage.class);

  /** Where the storage is in its life cycle. */
  public enum Mode { CREATED, FOLLOWING, LEADING, FAILED, CLOSED,
    /** A recovery was committed ({@link #restore}): no more writes; the process must restart. */
    RESTORED }

  private final ReplicatedLog log;
  private final StorageOptions options;
  private final ScheduledExecutorService executor;
  private final Executor commitExecutor;
  private final MeterRegistry registry;
  private final EntryEncoder encoder;
  private final Snapshotter snapshotter;
  private final LogReplay replay;

  private final ReentrantLock writeLock = new ReentrantLock();
  private final ThreadLocal<RecordingStores> currentWrite = new ThreadLocal<>();
  /** Serializes applying the log (recovery, following, catching up) and mode changes. */
  private final Object applyLock = new Object();

  private volatile Mode mode = Mode.CREATED;
  private volatile StoreState published;
  /** The newest version, durable or not; guarded by writeLock. */
  private StoreState head;
  private CompletableFuture<Long> lastSubmitted = CompletableFuture.completedFuture(0L);
  private volatile GroupCommitter committer;
  private long entriesReadOnLead;
  /** The snapshot and backup timers, once leading. */
  private volatile List<ScheduledFuture<?>> timers = List.of();

  /** Guards itself and {@link #failure}. */
  private final List<Consumer<Throwable>> failureListeners = new ArrayList<>();
  private Throwable failure;
  private final Timer writeLockWait;
  /** Told once, at the first version the committer publishes; see {@link #onFirstCommit}. */
  private final AtomicReference<Runnable> firstCommit = new AtomicReference<>();

  /**
   * @param executor runs the snapshot and backup timers and re-recovery after a follow error; its
   *     tasks block on log writes, so it must not be {@code commitExecutor}'s only thread
   * @param commitExecutor runs the group committer (encoding batches, publishing versions); its
   *     tasks never block
   */
  public DurableStorage(ReplicatedLog log, StorageOptions options, Clock clock,
      ScheduledExecutorService executor, Executor commitExecutor, MeterRegistry registry) {
    this.log = Objects.requireNonNull(log, "log");
    this.options = Objects.requireNonNull(options, "options");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.commitExecutor = Objects.requireNonNull(commitExecutor, "commitExecutor");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.encoder = new EntryEncoder(options.maxEntrySizeBytes());
    this.snapshotter = new Snapshotter(options, Objects.requireNonNull(clock, "clock"), registry);
    this.replay = new LogReplay(log.reader(), registry);
    this.writeLockWait = registry.timer("storage_write_lock_wait");
    for (ScheduleStatus status : ScheduleStatus.values()) {
      Gauge.builder("task_store_" + status.name(), this, s -> s.taskCount(status))
          .register(registry);
    }
  }

  private double taskCount(ScheduleStatus status) {
    StoreState state = published;
    return state == null ? 0 : state.taskCount(status);
  }

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
    lead(() -> { });
  }

  /**
   * As {@link #lead()}, running {@code writerElected} (on this thread) once the log has elected
   * this replica's writer, before the catch-up: for timing the two parts of a takeover.
   */
  public void lead(Runnable writerElected) throws LogException {
    Objects.requireNonNull(writerElected, "writerElected");
    synchronized (applyLock) {
      if (mode == Mode.CREATED) {
        recover();
      }
      checkState(mode == Mode.CREATED || mode == Mode.FOLLOWING, "lead() in mode %s", mode);
      replay.stopFollowing();
    }
    Writer writer = log.elect();
    writerElected.run();
    synchronized (applyLock) {
      entriesReadOnLead = replay.catchUp();
      publish(replay.state());
    }
    writeLock.lock();
    try {
      head = published;
      committer = new GroupCommitter(writer, published, encoder, commitExecutor, this::committed,
          this::onAppendFailed, registry);
      mode = Mode.LEADING;
    } finally {
      writeLock.unlock();
    }
    timers = List.of(
        Snapshotter.every(executor, options.snapshotInterval(), "snapshot", this::whileLeading,
            this::snapshot),
        Snapshotter.every(executor, options.backupInterval(), "backup", this::whileLeading,
            this::backup));
    LOG.info("Leading at log position {} after reading {} entries not yet applied",
        published.logPosition(), entriesReadOnLead);
  }

  private void recover() throws LogException {
    publish(replay.recover());
  }

  private void follow() {
    replay.follow(this::onLearned, this::onFollowError);
  }

  private void onLearned(Entry entry) {
    synchronized (applyLock) {
      if (mode == Mode.LEADING || mode == Mode.CLOSED || !replay.following()) {
        return;
      }
      try {
        replay.apply(entry).ifPresent(this::publish);
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

  /** The committer's publisher: one volatile read beyond {@link #publish} once told. */
  private void committed(StoreState state) {
    publish(state);
    if (firstCommit.get() != null) {
      Runnable listener = firstCommit.getAndSet(null);
      if (listener != null) {
        try {
          listener.run();
        } catch (RuntimeException e) {
          LOG.warn("First-commit listener threw", e);
        }
      }
    }
  }

  /**
   * Runs {@code listener} once, when the next log append after {@link #lead} (a batch of
   * transactions, or a snapshot) is acknowledged and its version published; replaces a listener
   * not yet run. It runs on the committer's thread, so it must be quick and must not block.
   */
  public void onFirstCommit(Runnable listener) {
    firstCommit.set(Objects.requireNonNull(listener, "listener"));
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
      replay.stopFollowing();
    }
    timers.forEach(timer -> timer.cancel(false));
    GroupCommitter c = committer;
    if (c != null) {
      c.close();
    }
  }

  /**
   * Calls {@code listener} once when this storage fails: a log append failed, or an entry learned
   * while following could not be applied. The scheduler should exit then; a restart recovers from
   * the log. It runs on the thread that saw the failure (the log's delivery thread, the committer
   * or a writer), so it must not block; registered after the failure, it runs at once, here.
   */
  public void onFailure(Consumer<Throwable> listener) {
    Objects.requireNonNull(listener, "listener");
    Throwable already;
    synchronized (failureListeners) {
      already = failure;
      if (already == null) {
        failureListeners.add(listener);
      }
    }
    if (already != null) {
      tell(listener, already);
    }
  }

  private void failed(Throwable cause) {
    mode = Mode.FAILED;
    List<Consumer<Throwable>> listeners;
    synchronized (failureListeners) {
      if (failure != null) {
        return;   // listeners heard of the first failure; later ones add nothing
      }
      failure = cause;
      listeners = List.copyOf(failureListeners);
    }
    listeners.forEach(listener -> tell(listener, cause));
  }

  private static void tell(Consumer<Throwable> listener, Throwable cause) {
    try {
      listener.accept(cause);
    } catch (RuntimeException e) {
      LOG.error("Storage failure listener threw", e);
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
        snapshotter.transactionSubmitted();
      }
    } finally {
      writeLock.unlock();
    }
    GroupCommitter.await(durable);
    return result;
  }

  private void checkWritable() {
    Mode m = mode;
    if (m == Mode.FAILED) {
      throw new StorageException("Storage failed after a log error; the scheduler must restart");
    }
    if (m == Mode.RESTORED) {
      throw new StorageException("A recovery was committed; this scheduler accepts no more writes"
          + " and restarts to load it");
    }
    if (m == Mode.CLOSED) {
      throw new StorageException("Storage is closed");
    }
    if (m != Mode.LEADING) {
      throw new TransientStorageException("Storage is not READY for writes (" + m + ")");
    }
  }

  /**
   * Writes a snapshot of the durable state to the log now and truncates the log before the first
   * position it does not cover. Writers keep going meanwhile. Returns the snapshot's last log
   * position.
   */
  public long snapshot() {
    checkWritable();
    return snapshotter.snapshot(() -> published, committer);
  }

  /**
   * Makes {@code state} the state of the log: waits for every write in flight, appends it as one
   * snapshot entry that every replayer loads in place of what came before, and stops accepting
   * writes ({@link Mode#RESTORED}): this process's state is stale from then on, so the scheduler
   * must restart and recover the restored state from the log. Returns the entry's last position.
   *
   * @param timestampMs the snapshot's timestamp (the backup's)
   */
  public long restore(StoreState state, long timestampMs) {
    Objects.requireNonNull(state, "state");
    checkWritable();
    writeLock.lock();
    try {
      checkWritable();
      GroupCommitter.await(lastSubmitted);
      long position = snapshotter.restore(
          first -> RestoreEncoder.encode(state, timestampMs, first, options.maxEntrySizeBytes()),
          () -> log.reader().ending().value(), committer);
      mode = Mode.RESTORED;
      return position;
    } finally {
      writeLock.unlock();
    }
  }

  /** Writes a backup of the durable state now; returns its file. */
  public Path backup() {
    if (mode == Mode.RESTORED) {
      throw new StorageException("A recovery was committed; back up after the restart");
    }
    return snapshotter.backup(state());
  }

  /** The backup directory, for listing and reading backups. */
  public BackupDirectory backups() {
    return snapshotter.backups();
  }

  private boolean whileLeading() {
    return mode == Mode.LEADING;
  }
}
