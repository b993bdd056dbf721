package io.aurora.server.bench.log;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Drives an {@link Appender} as a closed loop: a fixed number of appends outstanding, a new one
 * issued as soon as one completes. The first failure ends the run: a benchmark that silently drops
 * errors would report the speed of failing.
 */
final class ClosedLoop {
  /** How long the outstanding appends may take to finish once a phase is over. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  private final LongSupplier nanoTime;

  ClosedLoop(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * What one phase measured.
   *
   * @param appends appends completed inside the measured window
   * @param seconds the measured window
   * @param latencies the latency of each append issued inside the window
   */
  record Phase(long appends, double seconds, Latencies latencies) {
    double appendsPerSec() {
      return seconds > 0 ? appends / seconds : 0;
    }
  }

  /**
   * Keeps {@code concurrency} appends of {@code data} outstanding for {@code warmup} (not measured)
   * and then {@code duration}, and waits for the last ones to complete.
   *
   * @throws IllegalStateException if an append failed, or the last ones did not complete in time
   */
  Phase concurrent(Appender appender, byte[] data, int concurrency, Duration warmup,
      Duration duration) throws InterruptedException {
    Semaphore permits = new Semaphore(concurrency);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong completedInWindow = new AtomicLong();
    Latencies latencies = new Latencies();
    long from = nanoTime.getAsLong() + warmup.toNanos();
    long to = from + duration.toNanos();
    while (failure.get() == null) {
      long now = nanoTime.getAsLong();
      if (now >= to || !permits.tryAcquire(to - now, TimeUnit.NANOSECONDS)) {
        break;
      }
      long issued = nanoTime.getAsLong();
      start(appender, data).whenComplete((ok, error) -> {
        long done = nanoTime.getAsLong();
        if (error != null) {
          failure.compareAndSet(null, error);
        } else {
          if (issued >= from && issued < to) {
            latencies.record(done - issued);
          }
          if (done >= from && done < to) {
            completedInWindow.incrementAndGet();
          }
        }
        permits.release();
      });
    }
    if (!permits.tryAcquire(concurrency, DRAIN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException((concurrency - permits.availablePermits())
          + " appends still outstanding " + DRAIN_TIMEOUT.toSeconds() + " s after the run ended");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("an append failed: " + failure.get(), failure.get());
    }
    return new Phase(completedInWindow.get(), duration.toNanos() / 1e9, latencies);
  }

  /** Appends {@code data} one at a time, each after the previous one completed, for {@code duration}. */
  Phase sequential(Appender appender, byte[] data, Duration duration) throws InterruptedException {
    Latencies latencies = new Latencies();
    long start = nanoTime.getAsLong();
    long to = start + duration.toNanos();
    long appends = 0;
    long issued = start;
    while (issued < to) {
      try {
        start(appender, data).get(DRAIN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        throw new IllegalStateException("a sequential append failed: " + cause, cause);
      }
      long done = nanoTime.getAsLong();
      latencies.record(done - issued);
      appends++;
      issued = done;
    }
    return new Phase(appends, (issued - start) / 1e9, latencies);
  }

  private static CompletableFuture<?> start(Appender appender, byte[] data) {
    try {
      return appender.append(data);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
