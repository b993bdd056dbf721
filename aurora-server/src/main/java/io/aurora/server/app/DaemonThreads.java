package io.aurora.server.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one owner of the daemon's threads: every thread the scheduler's own code runs on is made
 * here, named {@code aurora-<job>-...}, and either runs on an executor this class shuts down in
 * {@link #shutdown()} or comes from one of the factories below, handed to the part that stops it
 * (the log, the admin server, the Thrift port, the Mesos call connections). {@code
 * docs/threads.md} maps them all, with the threads of libraries (ZooKeeper, Undertow, Thrift's
 * selectors, the JDK's HTTP client) that are not ours to name.
 *
 * <p>One pool per job, so that a blocking job cannot starve another: the storage timers
 * (snapshots, backups; they block on log writes), the group committer (never blocks), the Mesos
 * driver, the scheduling runtime (rounds and timers on one thread: they must not overlap), the
 * leader election's callback, the lifecycle's leadership steps and term timers, the shared background pool of
 * {@code -async_worker_threads} (status update batches, which wait for their write to be durable),
 * and the cron pool of {@code -cron_scheduler_num_threads} (cron trigger batches, which wait too).
 */
@Singleton
public final class DaemonThreads {
  /** How long {@link #shutdown()} waits for each pool's running task. */
  private static final long STOP_WAIT_SECONDS = 2;
  /** An idle background thread ends after this, so an idle scheduler keeps none. */
  private static final long ASYNC_KEEP_ALIVE_SECONDS = 60;

  /** Every thread made for the daemon, for {@link #alive()}; weakly held. */
  private final Set<Thread> made = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<>()));

  final ScheduledExecutorService storage =
      Executors.newSingleThreadScheduledExecutor(numbered("aurora-storage"));
  final ExecutorService commit = Executors.newSingleThreadExecutor(numbered("aurora-commit"));
  final ScheduledExecutorService driver =
      Executors.newSingleThreadScheduledExecutor(numbered("aurora-mesos-driver"));
  /** The Mesos HTTP client's asynchronous work (the event stream's body, completions). */
  final ExecutorService mesosHttp = Executors.newCachedThreadPool(numbered("aurora-mesos-http"));
  final ScheduledExecutorService scheduling =
      Executors.newSingleThreadScheduledExecutor(numbered("aurora-scheduling"));
  final ScheduledExecutorService lifecycle =
      Executors.newSingleThreadScheduledExecutor(numbered("aurora-lifecycle"));
  /** The leader election's callback: becoming the log's writer, subscribing to Mesos. */
  final ExecutorService election = Executors.newSingleThreadExecutor(numbered("aurora-election"));
  /** The shared background pool, {@code -async_worker_threads} threads. */
  final ExecutorService async;
  /**
   * Cron trigger batches ({@code -cron_scheduler_num_threads} threads): each waits for its write
   * to be durable, and a minute's triggers of many jobs are written in parallel batches.
   */
  final ExecutorService cron;

  /** The replica's loop, delivery and transport threads; closing the log ends them. */
  final ThreadFactory log = named("aurora-log");
  /** The Mesos call connections' writers and readers; they end with their connection. */
  final ThreadFactory mesosCalls = numbered("aurora-mesos-calls");
  /** The {@code /api} pool; the admin server stops it. */
  final ThreadFactory httpApi = numbered("aurora-http-api");
  /** The Thrift port's serve loop and workers; closing the port ends them. */
  final ThreadFactory thrift = named("aurora-thrift");

  @Inject
  public DaemonThreads(DaemonConfig config) {
    int n = config.server().asyncWorkerThreads();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, ASYNC_KEEP_ALIVE_SECONDS,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), numbered("aurora-async"));
    pool.allowCoreThreadTimeOut(true);
    this.async = pool;
    this.cron = idlePool(config.scheduling().cron().writers(), "aurora-cron");
  }

  /** {@code n} threads that end when idle, so an idle scheduler keeps none. */
  private ExecutorService idlePool(int n, String prefix) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, ASYNC_KEEP_ALIVE_SECONDS,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), numbered(prefix));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The daemon's threads still alive (after {@link #shutdown()} and the stop: none). */
  public List<Thread> alive() {
    List<Thread> alive = new ArrayList<>();
    synchronized (made) {
      for (Thread t : made) {
        if (t.isAlive()) {
          alive.add(t);
        }
      }
    }
    return alive;
  }

  /** Stops every pool and waits briefly for running tasks. */
  void shutdown() {
    List<ExecutorService> all = List.of(scheduling, async, cron, driver, mesosHttp, storage,
        commit, lifecycle, election);
    all.forEach(ExecutorService::shutdownNow);
    for (ExecutorService e : all) {
      try {
        e.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Daemon threads named {@code prefix-<n>}. */
  private ThreadFactory numbered(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> track(new Thread(r, prefix + "-" + n.incrementAndGet()));
  }

  /** Daemon threads named {@code name}, for users that add a role and number themselves. */
  private ThreadFactory named(String name) {
    return r -> track(new Thread(r, name));
  }

  private Thread track(Thread t) {
    t.setDaemon(true);
    made.add(t);
    return t;
  }
}
