package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.assign.TaskAssigner;
import io.aurora.scheduling.assign.TaskInfoBuilder;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.runtime.AttemptRateLimiterTest.ManualTicker;
import io.aurora.scheduling.testing.SchedulerHarness;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduling loop honours the placement rate limits, the group backoff and the startup delay. */
class SchedulingLoopPacingTest {
  private final SchedulerHarness h = new SchedulerHarness();
  private final ManualTicker ticker = new ManualTicker();

  private SchedulingLoop loop(double attemptsPerSec, int tasksPerAttempt, int batch) {
    return new SchedulingLoop(h.writer, h.offers,
        new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER),
        new TaskInfoBuilder(ExecutorSettings.DEFAULTS), ExecutorSettings.DEFAULTS, h.driver,
        h.clock,
        new PlacementOptions(attemptsPerSec, tasksPerAttempt, batch, Duration.ZERO,
            Duration.ofSeconds(1), Duration.ofSeconds(8)),
        ticker);
  }

  private static TaskConfig job(String name) {
    return Fixtures.config("www", name, 0.1, 16, 16);
  }

  private void bigOffers(int count) {
    for (int i = 0; i < count; i++) {
      h.offer("agent-" + i, 64, 65536);
    }
  }

  @Test
  void lowAttemptRate_limitsPlacement_andCountsBlocks_withoutWaiting() {
    SchedulingLoop loop = loop(2, 1, 100);
    h.insertPending(job("a"), Set.of(0, 1, 2));
    h.insertPending(job("b"), Set.of(0, 1, 2));
    h.insertPending(job("c"), Set.of(0, 1, 2));
    bigOffers(1);

    // Two permits stored (one second's worth), one task per attempt.
    assertThat(loop.runOnce()).isEqualTo(2);
    assertThat(loop.attemptsFired()).isEqualTo(2);
    assertThat(loop.attemptsBlocked()).isEqualTo(1);
    assertThat(loop.nextRoundDelay()).hasValue(Duration.ofMillis(500));

    bigOffers(1);
    assertThat(loop.runOnce()).isZero();
    assertThat(loop.attemptsBlocked()).isEqualTo(2);

    ticker.advance(500, TimeUnit.MILLISECONDS);
    assertThat(loop.runOnce()).isEqualTo(1);
    assertThat(h.ids(ScheduleStatus.ASSIGNED)).hasSize(3);
    assertThat(h.ids(ScheduleStatus.PENDING)).hasSize(6);
  }

  @Test
  void batchSize_capsAttemptsPerRound_andAsksForTheNextRoundAtOnce() {
    SchedulingLoop loop = loop(1_000, 2, 1);
    h.insertPending(job("a"), Set.of(0, 1, 2));
    h.insertPending(job("b"), Set.of(0, 1, 2));
    bigOffers(2);

    assertThat(loop.runOnce()).isEqualTo(2);
    assertThat(loop.attemptsFired()).isEqualTo(1);
    assertThat(loop.nextRoundDelay()).hasValue(Duration.ZERO);
  }

  @Test
  void defaultLimits_placeEveryTaskOfManyGroupsInOneRound() {
    SchedulingLoop loop = new SchedulingLoop(h.writer, h.offers,
        new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER),
        new TaskInfoBuilder(ExecutorSettings.DEFAULTS), ExecutorSettings.DEFAULTS, h.driver,
        h.clock, PlacementOptions.DEFAULTS, ticker);
    for (int j = 0; j < 50; j++) {
      h.insertPending(job("job-" + j), Set.of(0, 1, 2, 3));
    }
    bigOffers(10);
    h.advance(Duration.ofMillis(1));

    assertThat(loop.runOnce()).isEqualTo(200);
    assertThat(loop.attemptsBlocked()).isZero();
    assertThat(loop.nextRoundDelay()).as("nothing left to come back for").isEmpty();
  }

  @Test
  void groupWithoutOffer_backsOff_andIsTriedAgainAfterThePenalty() {
    SchedulingLoop loop = loop(1_000, 10, 10);
    h.insertPending(job("a"), Set.of(0));

    assertThat(loop.runOnce()).isZero();
    assertThat(loop.attemptsFired()).isEqualTo(1);
    assertThat(loop.attemptsNoMatch()).isEqualTo(1);
    assertThat(loop.nextRoundDelay()).hasValue(Duration.ofSeconds(1));

    bigOffers(1);
    assertThat(loop.runOnce()).isZero();
    assertThat(loop.attemptsFired()).as("still backing off").isEqualTo(1);

    h.clock.advance(Duration.ofSeconds(1));
    assertThat(loop.runOnce()).isEqualTo(1);
    assertThat(loop.attemptsFired()).isEqualTo(2);
  }

  @Test
  void groupsPendingAtStartup_waitTheirRandomDelay() {
    SchedulingLoop loop = loop(1_000, 10, 10);
    h.insertPending(job("a"), Set.of(0, 1));
    bigOffers(1);

    loop.delayRecoveredGroups(Duration.ofSeconds(30), new Random(3));
    assertThat(loop.runOnce()).isZero();
    assertThat(loop.attemptsFired()).isZero();
    Duration wait = loop.nextRoundDelay().orElseThrow();
    assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(30));

    h.clock.advance(wait);
    assertThat(loop.runOnce()).isEqualTo(2);
  }

  @Test
  void unpacedLoop_ignoresTheStartupDelay() {
    h.insertPending(job("a"), Set.of(0));
    bigOffers(1);

    h.loop.delayRecoveredGroups(Duration.ofSeconds(30), new Random(3));
    assertThat(h.loop.runOnce()).isEqualTo(1);
  }
}
