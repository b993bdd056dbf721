package io.aurora.scheduling.testing;

import com.google.common.base.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told to. */
public final class FakeClock extends Clock {
  private volatile Instant now;

  public FakeClock(Instant start) {
    this.now = start;
  }

  public FakeClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Moves time forward. */
  public void advance(Duration d) {
    now = now.plus(d);
  }

  /** A monotonic ticker that moves with this clock (and, unlike it, never backwards). */
  public Ticker ticker() {
    return new Ticker() {
      private long last = Long.MIN_VALUE;

      @Override
      public synchronized long read() {
        long n = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        last = Math.max(last, n);
        return last;
      }
    };
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
