package io.aurora.scheduling.timer;

import com.google.common.base.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Notices when the wall clock jumps: between two checks the wall clock moved by a different amount
 * than the monotonic ticker. Timers are kept as wall-clock instants (many are derived from stored
 * event times), so after a jump of the wall clock by J, {@link TimerQueue#shift} moves every pending
 * timer by J too: a timer set to fire in five minutes still fires in five minutes, however the
 * clock was stepped. Differences below the threshold are ordinary drift and are ignored.
 */
public final class ClockJumps {
  private final Clock clock;
  private final Ticker ticker;
  private final long thresholdMillis;
  private long offsetMillis;

  /**
   * @param thresholdMillis the smallest disagreement between wall and monotonic time taken as a
   *     jump
   */
  public ClockJumps(Clock clock, Ticker ticker, Duration threshold) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.thresholdMillis = threshold.toMillis();
    this.offsetMillis = currentOffset();
  }

  /**
   * The wall clock's jump since the previous call (positive: stepped forward), or zero when it
   * moved with the ticker. Not thread-safe: one caller (the runtime's timer thread).
   */
  public Duration check() {
    long now = currentOffset();
    long jump = now - offsetMillis;
    if (Math.abs(jump) < thresholdMillis) {
      return Duration.ZERO;
    }
    offsetMillis = now;
    return Duration.ofMillis(jump);
  }

  private long currentOffset() {
    return clock.millis() - ticker.read() / 1_000_000L;
  }
}
