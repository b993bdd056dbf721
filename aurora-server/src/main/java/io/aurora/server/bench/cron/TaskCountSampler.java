package io.aurora.server.bench.cron;

import io.aurora.gen.ScheduleStatus;
import io.aurora.storage.Storage;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples the task counts of the durable state every {@code period}: a read sees only what is
 * durable on the log's quorum, so the moment the count of tasks grows is the moment those tasks
 * became PENDING and durable. With one task per template, each new task is one template's run,
 * and its fire lag is the sample time minus the due time (at most one period late).
 */
final class TaskCountSampler implements AutoCloseable {
  private final Storage storage;
  private final LongSupplier wallClockMs;
  private final long dueMs;
  private final long[] lags;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "cron-bench-sampler");
    t.setDaemon(true);
    return t;
  });
  // Written by the sampler thread only; lags are read once it has stopped.
  private volatile int seen;
  private volatile int running;
  private volatile long allRunningMs = -1;
  private volatile long samples;

  /**
   * @param expected tasks expected (one per template)
   * @param dueMs the templates' due time, epoch milliseconds
   */
  TaskCountSampler(Storage storage, LongSupplier wallClockMs, int expected, long dueMs) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.wallClockMs = Objects.requireNonNull(wallClockMs, "wallClockMs");
    this.dueMs = dueMs;
    this.lags = new long[expected];
  }

  /** Starts sampling every {@code periodMs}. */
  void start(long periodMs) {
    thread.scheduleAtFixedRate(this::sample, 0, periodMs, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    Map<ScheduleStatus, Integer> counts = storage.read(s -> s.taskStore().countByStatus());
    long now = wallClockMs.getAsLong();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    for (int i = seen; i < Math.min(total, lags.length); i++) {
      lags[i] = now - dueMs;
    }
    seen = Math.max(seen, Math.min(total, lags.length));
    int nowRunning = counts.getOrDefault(ScheduleStatus.RUNNING, 0);
    running = nowRunning;
    if (allRunningMs < 0 && nowRunning >= lags.length) {
      allRunningMs = now - dueMs;
    }
    samples++;
  }

  /** Tasks seen durable so far. */
  int durable() {
    return seen;
  }

  int running() {
    return running;
  }

  /** Milliseconds from the due time until every task was RUNNING, or -1 if not yet. */
  long allRunningMs() {
    return allRunningMs;
  }

  long samples() {
    return samples;
  }

  /** Each template's fire lag in nanoseconds (once every task was seen). */
  long[] lagNanos() {
    return Arrays.stream(lags, 0, seen).map(ms -> ms * 1_000_000).toArray();
  }

  @Override
  public void close() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(10, TimeUnit.SECONDS);
  }
}
