package io.aurora.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.scheduling.offers.OfferOptions;
import io.aurora.scheduling.offers.OfferOrder;
import io.aurora.scheduling.pruning.PruneOptions;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.runtime.PlacementOptions;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.runtime.TimerOptions;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.thrift.ApiOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The option records of the sub-packages reject bad values with a message naming the flag. */
class OptionRecordsTest {
  private static Duration secs(long s) {
    return Duration.ofSeconds(s);
  }

  @Test
  void reschedule_rejectsMaxDelayBelowInitialDelay() {
    assertThatThrownBy(() -> new RescheduleOptions(secs(300), secs(30), secs(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-max_flapping_task_delay")
        .hasMessageContaining("-initial_flapping_task_delay");
    assertThat(new RescheduleOptions(secs(300), secs(30), secs(30)).maxFlappingDelay())
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
    assertThat(o.order()).containsExactly(OfferOrder.CPU);
    assertThat(OfferOptions.DEFAULTS.order()).containsExactly(OfferOrder.RANDOM);
  }

  private static OfferOptions offers(Duration hold, List<OfferOrder> order) {
    return new OfferOptions(hold, secs(60), secs(5), false, order, Long.MAX_VALUE);
  }

  @Test
  void pruning_rejectsPruneThresholdBelowMinimumRetention() {
    assertThatThrownBy(() -> new PruneOptions(secs(60), secs(3600), 100, PruneOptions.INTERVAL))
        .hasMessageContaining("-history_prune_threshold");
  }

  @Test
  void api_rejectsZeroTasksPerJob() {
    assertThatThrownBy(() -> new ApiOptions("c", "", Pattern.compile(".*"), 0,
        ApiOptions.defaults("c").tiers()))
        .hasMessageStartingWith("-max_tasks_per_job");
  }

  @Test
  void timersReconciliationAndStatusBatches_rejectZeroes() {
    assertThatThrownBy(() -> new TimerOptions(Duration.ZERO, secs(15)))
        .hasMessageContaining("-transient_task_state_timeout");
    assertThatThrownBy(() -> new ReconcileOptions(secs(60), secs(3600), secs(3600), secs(1800), 0, secs(5)))
        .hasMessageContaining("-reconciliation_explicit_batch_size");
    SchedulerRuntimeOptions d = SchedulerRuntimeOptions.DEFAULTS;
    assertThatThrownBy(() -> new SchedulerRuntimeOptions(d.schedulerHost(), d.executor(), d.offers(),
        d.reschedule(), d.timers(), d.reconcile(), d.prune(), 0, d.schedulingInterval(),
        d.timerTick(), d.placement(), d.maxStartupScheduleDelay(), d.updates(), d.cron()))
        .hasMessageContaining("-max_status_update_batch_size");
  }
}
