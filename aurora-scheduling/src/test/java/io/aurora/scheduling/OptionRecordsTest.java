package io.aurora.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionRecordsTest {
  private static Duration secs(long s) {
    return Duration.ofSeconds(s);
  }

  @Test
  void rescheduling_rejectsMaxDelayBelowInitialDelay() {
    assertThatThrownBy(() -> new ReschedulingOptions(secs(300), secs(30), secs(1), secs(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-max_flapping_task_delay")
        .hasMessageContaining("-initial_flapping_task_delay");
    assertThat(new ReschedulingOptions(secs(300), secs(30), secs(30), secs(30)).maxFlappingTaskDelay())
        .isEqualTo(secs(30));
  }

  @Test
  void placement_rejectsNonPositiveRatesAndBackwardsPenalties() {
    assertThatThrownBy(() -> new PlacementOptions(0, 5, 3, Duration.ofMillis(1), secs(1), secs(60)))
        .hasMessageContaining("-max_schedule_attempts_per_sec");
    assertThatThrownBy(() -> new PlacementOptions(40, 0, 3, Duration.ofMillis(1), secs(1), secs(60)))
        .hasMessageContaining("-max_tasks_per_schedule_attempt");
    assertThatThrownBy(() -> new PlacementOptions(40, 5, 3, Duration.ofMillis(1), secs(10), secs(1)))
        .hasMessageContaining("-max_schedule_penalty");
  }

  @Test
  void offers_rejectNegativeHoldTime_andCopyTheOrder() {
    assertThatThrownBy(() -> offers(secs(-1), List.of(OfferOrder.RANDOM)))
        .hasMessageContaining("-min_offer_hold_time must not be negative");
    assertThatThrownBy(() -> offers(secs(300), List.of())).hasMessageContaining("-offer_order");
    List<OfferOrder> order = new ArrayList<>(List.of(OfferOrder.CPU));
    OfferOptions o = offers(secs(300), order);
    order.add(OfferOrder.DISK);
    assertThat(o.offerOrder()).containsExactly(OfferOrder.CPU);
  }

  private static OfferOptions offers(Duration hold, List<OfferOrder> order) {
    return new OfferOptions(hold, secs(60), false, secs(5), order, Long.MAX_VALUE, secs(360), secs(180));
  }

  @Test
  void pruning_rejectsPruneThresholdBelowMinimumRetention() {
    assertThatThrownBy(() -> new PruningOptions(secs(60), secs(3600), 100, 10, secs(900), secs(86400)))
        .hasMessageContaining("-history_prune_threshold");
  }

  @Test
  void jobs_rejectAnInvalidEnvironmentPattern_andMatchWholeNames() {
    assertThatThrownBy(() -> new JobOptions(4000, "(prod", 0.25, 128L << 20))
        .hasMessageStartingWith("-allowed_job_environments");
    JobOptions jobs = new JobOptions(4000, "^(prod|devel|test|staging\\d*)$", 0.25, 128L << 20);
    assertThat(jobs.environmentPattern().matcher("staging3").matches()).isTrue();
    assertThat(jobs.environmentPattern().matcher("production").matches()).isFalse();
  }

  @Test
  void lifecycleAndReconciliation_rejectZeroBatchSizes() {
    assertThatThrownBy(() -> new LifecycleOptions(secs(300), secs(15), 0, 300))
        .hasMessageContaining("-max_status_update_batch_size");
    assertThatThrownBy(() -> new ReconciliationOptions(secs(60), secs(1800), secs(3600), secs(3600), 0, secs(5)))
        .hasMessageContaining("-reconciliation_explicit_batch_size");
  }

  @Test
  void scheduling_requiresEveryPart() {
    assertThatThrownBy(() -> new SchedulingOptions(null, null, null, null, null, null, null, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(new TierOptions(true, false, Optional.empty()).tierConfig()).isEmpty();
  }
}
