package io.aurora.scheduling.runtime;

import io.aurora.scheduling.offers.OfferOptions;
import io.aurora.scheduling.pruning.PruneOptions;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.state.RescheduleOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Every setting of the scheduling runtime, grouped by concern. {@link #DEFAULTS} are Aurora's.
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
 */
public record SchedulerRuntimeOptions(String schedulerHost, ExecutorSettings executor,
    OfferOptions offers, RescheduleOptions reschedule, TimerOptions timers,
    ReconcileOptions reconcile, PruneOptions prune, int maxStatusUpdateBatch,
    Duration schedulingInterval, Duration timerTick) {

  /** Aurora's defaults, host "localhost". */
  public static final SchedulerRuntimeOptions DEFAULTS = new SchedulerRuntimeOptions("localhost",
      ExecutorSettings.DEFAULTS, OfferOptions.DEFAULTS, RescheduleOptions.DEFAULTS,
      TimerOptions.DEFAULTS, ReconcileOptions.DEFAULTS, PruneOptions.DEFAULTS, 1000,
      Duration.ofSeconds(1), Duration.ofMillis(250));

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
    if (maxStatusUpdateBatch < 1) {
      throw new IllegalArgumentException("maxStatusUpdateBatch must be >= 1");
    }
  }
}
