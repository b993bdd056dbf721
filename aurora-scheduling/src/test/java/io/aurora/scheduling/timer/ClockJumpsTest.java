package io.aurora.scheduling.timer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Ticker;
import io.aurora.scheduling.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A wall clock stepped forward or back while timers wait: checked the way the runtime drives its
 * queue (a jump check, then the due timers), with a wall clock and a monotonic ticker that can
 * disagree.
 */
class ClockJumpsTest {
  private final FakeClock wall = new FakeClock();
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private final Ticker ticker = new Ticker() {
    @Override
    public long read() {
      return nanos.get();
    }
  };
  private final ClockJumps jumps = new ClockJumps(wall, ticker, Duration.ofSeconds(1));
  private final TimerQueue timers = new TimerQueue();
  private final List<String> fired = new ArrayList<>();

  /** Real time passes: both the wall clock and the ticker move. */
  private void elapse(Duration d) {
    wall.advance(d);
    nanos.addAndGet(d.toNanos());
  }

  /** What the runtime does on each tick. */
  private void tick() {
    Duration jump = jumps.check();
    timers.shift(jump);
    timers.runDue(wall.instant());
  }

  @Test
  void aStepBack_doesNotHoldATimerForTheLengthOfTheStep() {
    timers.schedule(wall.instant().plus(Duration.ofMinutes(5)), () -> fired.add("timeout"));
    elapse(Duration.ofMinutes(1));
    tick();
    wall.advance(Duration.ofHours(-1));
    tick();
    elapse(Duration.ofMinutes(4).minusSeconds(1));
    tick();
    assertThat(fired).isEmpty();
    elapse(Duration.ofSeconds(1));
    tick();
    assertThat(fired).containsExactly("timeout");
  }

  @Test
  void aStepForward_doesNotFireTimersEarly() {
    timers.schedule(wall.instant().plus(Duration.ofMinutes(5)), () -> fired.add("timeout"));
    wall.advance(Duration.ofHours(1));
    tick();
    assertThat(fired).isEmpty();
    elapse(Duration.ofMinutes(5));
    tick();
    assertThat(fired).containsExactly("timeout");
  }

  @Test
  void drift_belowTheThreshold_isNotAJump() {
    wall.advance(Duration.ofMillis(900));
    assertThat(jumps.check()).isZero();
    wall.advance(Duration.ofMillis(200));
    assertThat(jumps.check()).isEqualTo(Duration.ofMillis(1100));
    assertThat(jumps.check()).isZero();
  }

  @Test
  void shift_keepsTheOrderOfTimers() {
    Instant t = wall.instant();
    timers.schedule(t.plusSeconds(2), () -> fired.add("b"));
    timers.schedule(t.plusSeconds(1), () -> fired.add("a"));
    timers.shift(Duration.ofSeconds(-10));
    assertThat(timers.runDue(t.minusSeconds(8))).isEqualTo(2);
    assertThat(fired).containsExactly("a", "b");
  }
}
