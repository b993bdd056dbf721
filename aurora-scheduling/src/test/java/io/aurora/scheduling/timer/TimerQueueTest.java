package io.aurora.scheduling.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void runDue_runsDueActionsInTimeOrder_andLeavesLaterOnes() {
    TimerQueue timers = new TimerQueue();
    List<String> ran = new ArrayList<>();
    timers.schedule(T0.plusSeconds(2), () -> ran.add("b"));
    timers.schedule(T0.plusSeconds(1), () -> ran.add("a"));
    timers.schedule(T0.plusSeconds(9), () -> ran.add("late"));

    assertThat(timers.runDue(T0.plusSeconds(5))).isEqualTo(2);
    assertThat(ran).containsExactly("a", "b");
    assertThat(timers.size()).isEqualTo(1);
  }

  @Test
  void onEarliest_hearsOfEachTimerDueBeforeEveryOtherPendingOne_only() {
    TimerQueue timers = new TimerQueue();
    List<Instant> earliest = new ArrayList<>();
    timers.onEarliest(earliest::add);

    timers.schedule(T0.plusSeconds(60), () -> { });
    timers.schedule(T0.plusSeconds(90), () -> { });   // later than the head: not announced
    timers.schedule(T0.plusSeconds(30), () -> { });
    timers.schedule(T0.plusSeconds(30), () -> { });   // ties the head: it is not earlier

    assertThat(earliest).containsExactly(T0.plusSeconds(60), T0.plusSeconds(30));
  }
}
