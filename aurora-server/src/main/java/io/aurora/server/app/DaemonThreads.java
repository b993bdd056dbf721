package io.aurora.server.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon's own threads, one pool per job so that a blocking job cannot starve another: the
 * storage timers (snapshots, backups; they block on log writes), the group committer (never
 * blocks), the Mesos driver, the scheduling runtime (rounds, status update batches and timers on
 * one thread: they must not overlap), and the lifecycle's leadership steps.
 */
@Singleton
public final class DaemonThreads {
  final ScheduledExecutorService storage = Executors.newScheduledThreadPool(1, daemon("aurora-storage"));
  final ExecutorService commit = Executors.newSingleThreadExecutor(daemon("aurora-commit"));
  final ScheduledExecutorService driver =
      Executors.newSingleThreadScheduledExecutor(daemon("aurora-mesos-driver"));
  final ScheduledExecutorService scheduling =
      Executors.newSingleThreadScheduledExecutor(daemon("aurora-scheduling"));
  final ScheduledExecutorService lifecycle =
      Executors.newSingleThreadScheduledExecutor(daemon("aurora-lifecycle"));

  @Inject
  public DaemonThreads() {}

  /** Stops every pool and waits briefly for running tasks. */
  void shutdown() {
    List<ExecutorService> all = List.of(scheduling, driver, storage, commit, lifecycle);
    all.forEach(ExecutorService::shutdownNow);
    for (ExecutorService e : all) {
      try {
        e.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
