package io.aurora.scheduling.runtime;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Ticker;
import java.util.Objects;

/**
 * The global limit on scheduling attempts ({@code -max_schedule_attempts_per_sec}): a token bucket
 * that fills at {@code permitsPerSecond} and holds at most one second's worth (at least one
 * permit), so an idle scheduler may burst that many attempts, and a busy one averages the rate.
 * Time comes from an injected {@link Ticker}.
 *
 * <p>Unlike Aurora's limiter, which blocks the scheduling thread until a permit is free, this one
 * never waits: {@link #tryAcquire} says no and {@link #nanosUntilNextPermit} says when to come
 * back, so the single scheduling thread stays free for status updates and timers meanwhile. Not
 * thread-safe: the scheduling thread owns it.
 */
final class AttemptRateLimiter {
  private static final double NANOS_PER_SECOND = 1e9;

  private final Ticker ticker;
  private final double permitsPerNano;
  private final double capacity;
  private double stored;
  private long lastRefill;

  AttemptRateLimiter(double permitsPerSecond, Ticker ticker) {
    checkArgument(permitsPerSecond > 0 && Double.isFinite(permitsPerSecond),
        "permits per second must be positive, got %s", permitsPerSecond);
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.permitsPerNano = permitsPerSecond / NANOS_PER_SECOND;
    this.capacity = Math.max(1.0, permitsPerSecond);
    this.stored = capacity;
    this.lastRefill = ticker.read();
  }

  /** Takes a permit if one is free now. */
  boolean tryAcquire() {
    refill();
    if (stored >= 1.0) {
      stored -= 1.0;
      return true;
    }
    return false;
  }

  /** How long until {@link #tryAcquire} can succeed (0 if it can now). */
  long nanosUntilNextPermit() {
    refill();
    return stored >= 1.0 ? 0 : (long) Math.ceil((1.0 - stored) / permitsPerNano);
  }

  private void refill() {
    long now = ticker.read();
    long elapsed = now - lastRefill;
    if (elapsed > 0) {
      stored = Math.min(capacity, stored + elapsed * permitsPerNano);
      lastRefill = now;
    }
  }
}
