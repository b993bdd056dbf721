package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupBackoffTest {
  private static final TaskConfig WEB = Fixtures.config("www", "web", 1, 16, 16);
  private static final TaskConfig DB = Fixtures.config("www", "db", 1, 16, 16);

  private final GroupBackoff backoff =
      new GroupBackoff(Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(5));

  @Test
  void newGroup_isDueTheFirstDelayAfterItWentPending() {
    assertThat(backoff.isDue(WEB, 1_000, 1_000)).isFalse();
    assertThat(backoff.isDue(WEB, 1_000, 1_001)).isTrue();
  }

  @Test
  void emptyAttempts_backOffDoublingUpToTheMaximum() {
    backoff.isDue(WEB, 0, 10);
    long now = 10;
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      backoff.attempted(WEB, 0, now);
      long due = backoff.dueAtMs(WEB, 0);
      waits.add(due - now);
      now = due;
    }
    assertThat(waits).containsExactly(1_000L, 2_000L, 4_000L, 5_000L, 5_000L);
  }

  @Test
  void attemptThatPlacedTasks_resetsThePenalty() {
    backoff.attempted(WEB, 0, 0);
    backoff.attempted(WEB, 0, 1_000);
    backoff.attempted(WEB, 2, 3_000);
    assertThat(backoff.dueAtMs(WEB, 0)).isEqualTo(3_001);

    backoff.attempted(WEB, 0, 3_001);
    assertThat(backoff.dueAtMs(WEB, 0)).isEqualTo(4_001);
  }

  @Test
  void recoveredGroups_waitARandomDelayBelowTheMaximum_seeded() {
    backoff.delayRecovered(Set.of(WEB, DB), Duration.ofSeconds(30), new Random(7), 100_000);
    long web = backoff.dueAtMs(WEB, 0) - 100_000;
    long db = backoff.dueAtMs(DB, 0) - 100_000;
    assertThat(web).isBetween(0L, 29_999L);
    assertThat(db).isBetween(0L, 29_999L);
    assertThat(web).isNotEqualTo(db);

    GroupBackoff again =
        new GroupBackoff(Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
    again.delayRecovered(Set.of(WEB, DB), Duration.ofSeconds(30), new Random(7), 100_000);
    assertThat(again.dueAtMs(WEB, 0) + again.dueAtMs(DB, 0) - 200_000).isEqualTo(web + db);
  }

  @Test
  void zeroStartupDelay_leavesRecoveredGroupsDueAtOnce() {
    backoff.delayRecovered(Set.of(WEB), Duration.ZERO, new Random(1), 5_000);
    assertThat(backoff.isDue(WEB, 0, 5_000)).isTrue();
  }

  @Test
  void nextDueAfter_isTheEarliestFutureDueTime_andRetainForgetsGroups() {
    backoff.attempted(WEB, 0, 0);
    backoff.attempted(DB, 1, 0);
    assertThat(backoff.nextDueAfter(0)).hasValue(1);
    assertThat(backoff.nextDueAfter(1)).hasValue(1_000);

    backoff.retain(Set.of(DB));
    assertThat(backoff.size()).isEqualTo(1);
    assertThat(backoff.nextDueAfter(1)).isEmpty();
  }
}
