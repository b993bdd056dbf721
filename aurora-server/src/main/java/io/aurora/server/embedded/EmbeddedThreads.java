package io.aurora.server.embedded;

import io.aurora.scheduling.runtime.StatusUpdateBatcher;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one {@link EmbeddedScheduler}, one pool per job as in the daemon
 * (docs/threads.md), named {@code <prefix>-<job>-<n>} and daemon threads: the storage timers
 * (snapshots, backups; they block on log writes, so they are not the committer's thread), the
 * group committer, the Mesos driver (single-threaded: it runs the driver's state machine in
 * order), the Mesos HTTP client's work, the scheduling runtime (rounds and timers must not
 * overlap), and the background pool for status update and cron batches, which wait for their
 * writes to be durable.
 */
final class EmbeddedThreads {
  /** How long {@link #shutdown()} waits for each pool's running task. */
  private static final long STOP_WAIT_SECONDS = 2;

  final ScheduledExecutorService storage;
  final ExecutorService commit;
  final ScheduledExecutorService driver;
  final ExecutorService mesosHttp;
  final ScheduledExecutorService scheduling;
  final ExecutorService background;
  /** The replica's loop, delivery and transport threads; closing the log ends them. */
  final ThreadFactory log;
  /** The Mesos call connections' writers and readers; they end with their connection. */
  final ThreadFactory mesosCalls;

  EmbeddedThreads(String prefix) {
    storage = Executors.newSingleThreadScheduledExecutor(numbered(prefix + "-storage"));
    commit = Executors.newSingleThreadExecutor(numbered(prefix + "-commit"));
    driver = Executors.newSingleThreadScheduledExecutor(numbered(prefix + "-mesos-driver"));
    mesosHttp = Executors.newCachedThreadPool(numbered(prefix + "-mesos-http"));
    scheduling = Executors.newSingleThreadScheduledExecutor(numbered(prefix + "-scheduling"));
    background = Executors.newFixedThreadPool(StatusUpdateBatcher.DEFAULT_IN_FLIGHT,
        numbered(prefix + "-background"));
    log = named(prefix + "-log");
    mesosCalls = numbered(prefix + "-mesos-calls");
  }

  /** Stops the pools that scheduling and the driver use, first; then the storage's. */
  void shutdown() {
    List<ExecutorService> all = List.of(scheduling, background, driver, mesosHttp, storage,
        commit);
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

  private static ThreadFactory numbered(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> daemon(new Thread(r, prefix + "-" + n.incrementAndGet()));
  }

  private static ThreadFactory named(String name) {
    return r -> daemon(new Thread(r, name));
  }

  private static Thread daemon(Thread t) {
    t.setDaemon(true);
    return t;
  }
}
