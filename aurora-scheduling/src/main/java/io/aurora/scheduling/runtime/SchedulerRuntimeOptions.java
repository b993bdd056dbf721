package io.aurora.scheduling.runtime;

import io.aurora.scheduling.PlacementOptions;
import io.aurora.scheduling.offers.OfferOptions;
import io.aurora.scheduling.pruning.PruneOptions;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.state.RescheduleOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Every setting of the scheduling runtime, grouped by concern. {@link #DEFAULTS} are Aurora's,
 * except the placement rate limits ({@link PlacementOptions#DEFAULTS} says why).
 *
 * @param schedulerHost this scheduler's host name, recorded in task events
 * @param executor executor overhead and command ({@code -thermos_executor_*})
 * @param offers offer hold and filters
 * @param reschedule flapping backoff
 * @param timers transient timeout and kill retry
 * @param reconcile reconciliation schedule
 * @param prune history pruning
 * @param maxStatusUpdateBatch updates per write ({@code -max_status_update_batch_size}, 1000)
 * @param schedulingInterval pause between periodic scheduling rounds (rounds also run at once on
 *     new offers or pending tasks)
 * @param timerTick how often due timers and offer declines are checked
 * @param placement the scheduling loop's rate limit, attempt and batch sizes and group backoff
 * @param maxStartupScheduleDelay the groups pending when this scheduler starts leading wait a
 *     random delay below this before their first attempt
 *     ({@code -max_reschedule_task_delay_on_startup}, 30 s)
 */
public record SchedulerRuntimeOptions(String schedulerHost, ExecutorSettings executor,
    OfferOptions offers, RescheduleOptions reschedule, TimerOptions timers,
    ReconcileOptions reconcile, PruneOptions prune, int maxStatusUpdateBatch,
    Duration schedulingInterval, Duration timerTick, PlacementOptions placement,
    Duration maxStartupScheduleDelay) {

  /** Aurora's defaults, host "localhost". */
  public static final SchedulerRuntimeOptions DEFAULTS = new SchedulerRuntimeOptions("localhost",
      ExecutorSettings.DEFAULTS, OfferOptions.DEFAULTS, RescheduleOptions.DEFAULTS,
      TimerOptions.DEFAULTS, ReconcileOptions.DEFAULTS, PruneOptions.DEFAULTS, 1000,
      Duration.ofSeconds(1), Duration.ofMillis(250), PlacementOptions.DEFAULTS,
      Duration.ofSeconds(30));

  public SchedulerRuntimeOptions {
    Objects.requireNonNull(schedulerHost, "schedulerHost");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(offers, "offers");
    Objects.requireNonNull(reschedule, "reschedule");
    Objects.requireNonNull(timers, "timers");
    Objects.requireNonNull(reconcile, "reconcile");
    Objects.requireNonNull(prune, "prune");
    Objects.requireNonNull(schedulingInterval, "schedulingInterval");
    Objects.requireNonNull(timerTick, "timerTick");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(maxStartupScheduleDelay, "maxStartupScheduleDelay");
    if (maxStartupScheduleDelay.isNegative()) {
      throw new IllegalArgumentException("maxStartupScheduleDelay must not be negative");
    }
    if (maxStatusUpdateBatch < 1) {
      throw new IllegalArgumentException("maxStatusUpdateBatch must be >= 1");
    }
  }
}
