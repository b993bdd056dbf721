package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.base.Ticker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AttemptRateLimiterTest {
  /** A ticker that moves only when told. */
  static final class ManualTicker extends Ticker {
    private long nanos = 1_000_000_000L;

    @Override
    public long read() {
      return nanos;
    }

    void advance(long amount, TimeUnit unit) {
      nanos += unit.toNanos(amount);
    }
  }

  private final ManualTicker ticker = new ManualTicker();

  @Test
  void tryAcquire_allowsOneSecondsBurstThenRefusesUntilTimePasses() {
    AttemptRateLimiter limiter = new AttemptRateLimiter(4, ticker);

    for (int i = 0; i < 4; i++) {
      assertThat(limiter.tryAcquire()).as("permit %s", i).isTrue();
    }
    assertThat(limiter.tryAcquire()).isFalse();
    assertThat(limiter.nanosUntilNextPermit()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));

    ticker.advance(249, TimeUnit.MILLISECONDS);
    assertThat(limiter.tryAcquire()).isFalse();
    ticker.advance(1, TimeUnit.MILLISECONDS);
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
  }

  @Test
  void tryAcquire_overTime_averagesTheRate() {
    AttemptRateLimiter limiter = new AttemptRateLimiter(40, ticker);
    int granted = 0;
    // Ten simulated seconds of asking every millisecond.
    for (int ms = 0; ms < 10_000; ms++) {
      if (limiter.tryAcquire()) {
        granted++;
      }
      ticker.advance(1, TimeUnit.MILLISECONDS);
    }
    // 40 stored at the start, then 40 per second.
    assertThat(granted).isBetween(40 + 399, 40 + 401);
  }

  @Test
  void idleTime_storesAtMostOneSecondOfPermits() {
    AttemptRateLimiter limiter = new AttemptRateLimiter(2, ticker);
    ticker.advance(1, TimeUnit.HOURS);

    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
  }

  @Test
  void rateBelowOnePerSecond_stillGrantsOnePermitAtATime() {
    AttemptRateLimiter limiter = new AttemptRateLimiter(0.5, ticker);

    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
    assertThat(limiter.nanosUntilNextPermit()).isEqualTo(TimeUnit.SECONDS.toNanos(2));
  }

  @Test
  void nonPositiveRate_isRejected() {
    assertThatThrownBy(() -> new AttemptRateLimiter(0, ticker))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
