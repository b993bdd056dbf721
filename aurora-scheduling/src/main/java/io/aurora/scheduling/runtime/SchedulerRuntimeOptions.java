package io.aurora.scheduling.runtime;

import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.maintenance.MaintenanceOptions;
import io.aurora.scheduling.offers.OfferOptions;
import io.aurora.scheduling.preemptor.PreemptionOptions;
import io.aurora.scheduling.pruning.PruneOptions;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.resources.Revocability;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.updater.UpdateOptions;
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
 *     new offers or pending tasks); {@link #SCHEDULING_INTERVAL} in the daemon
 * @param timerTick how often due timers and offer declines are checked; {@link #TIMER_TICK} in
 *     the daemon
 * @param placement the scheduling loop's rate limit, attempt and batch sizes and group backoff
 * @param maxStartupScheduleDelay the groups pending when this scheduler starts leading wait a
 *     random delay below this before their first attempt
 *     ({@code -max_reschedule_task_delay_on_startup}, 30 s)
 * @param updates the job updater's history retention and update affinity
 * @param cron the cron trigger loop's time zone, backoff and write batching
 * @param revocability which tasks run on revocable resources, and which of their resources
 *     ({@code -tier_config}, {@code -enable_revocable_cpus}, {@code -enable_revocable_ram})
 * @param preemption the preemptor's switch, delays, slot hold and agent reservation
 * @param maintenance host maintenance: drain polling, SLA relaxations, coordinators
 */
public record SchedulerRuntimeOptions(String schedulerHost, ExecutorSettings executor,
    OfferOptions offers, RescheduleOptions reschedule, TimerOptions timers,
    ReconcileOptions reconcile, PruneOptions prune, int maxStatusUpdateBatch,
    Duration schedulingInterval, Duration timerTick, PlacementOptions placement,
    Duration maxStartupScheduleDelay, UpdateOptions updates, CronOptions cron,
    Revocability revocability, PreemptionOptions preemption, MaintenanceOptions maintenance) {

  /**
   * The pause between periodic scheduling rounds. Rounds run at once when offers arrive or tasks
   * become pending, so this period only catches work that no event announced (a group whose
   * backoff ended asks for its own round); one second bounds that wait. Not a flag.
   */
  public static final Duration SCHEDULING_INTERVAL = Duration.ofSeconds(1);

  /**
   * How often due timers (transient state timeouts, kill retries, flapping penalties,
   * reconciliation) run and expired offers are declined. Those timers default to seconds or more,
   * so a quarter second keeps each within that of its due time at the cost of four cheap checks
   * a second. Not a flag.
   */
  public static final Duration TIMER_TICK = Duration.ofMillis(250);

  /** Aurora's defaults, host "localhost". */
  public static final SchedulerRuntimeOptions DEFAULTS = new SchedulerRuntimeOptions("localhost",
      ExecutorSettings.DEFAULTS, OfferOptions.DEFAULTS, RescheduleOptions.DEFAULTS,
      TimerOptions.DEFAULTS, ReconcileOptions.DEFAULTS, PruneOptions.DEFAULTS, 1000,
      SCHEDULING_INTERVAL, TIMER_TICK, PlacementOptions.DEFAULTS,
      Duration.ofSeconds(30), UpdateOptions.DEFAULTS, CronOptions.DEFAULTS,
      Revocability.DEFAULTS, PreemptionOptions.DEFAULTS, MaintenanceOptions.DEFAULTS);

  /**
   * Options with Aurora's default tiers and revocable resources ({@link Revocability#DEFAULTS}),
   * the preemptor's defaults ({@link PreemptionOptions#DEFAULTS}) and host maintenance's
   * ({@link MaintenanceOptions#DEFAULTS}).
   */
  public SchedulerRuntimeOptions(String schedulerHost, ExecutorSettings executor,
      OfferOptions offers, RescheduleOptions reschedule, TimerOptions timers,
      ReconcileOptions reconcile, PruneOptions prune, int maxStatusUpdateBatch,
      Duration schedulingInterval, Duration timerTick, PlacementOptions placement,
      Duration maxStartupScheduleDelay, UpdateOptions updates, CronOptions cron) {
    this(schedulerHost, executor, offers, reschedule, timers, reconcile, prune,
        maxStatusUpdateBatch, schedulingInterval, timerTick, placement, maxStartupScheduleDelay,
        updates, cron, Revocability.DEFAULTS, PreemptionOptions.DEFAULTS,
        MaintenanceOptions.DEFAULTS);
  }

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
    Objects.requireNonNull(updates, "updates");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(revocability, "revocability");
    Objects.requireNonNull(preemption, "preemption");
    Objects.requireNonNull(maintenance, "maintenance");
    if (maxStartupScheduleDelay.isNegative()) {
      throw new IllegalArgumentException(
          "-max_reschedule_task_delay_on_startup must not be negative, got " + maxStartupScheduleDelay);
    }
    if (maxStatusUpdateBatch < 1) {
      throw new IllegalArgumentException(
          "-max_status_update_batch_size must be at least 1, got " + maxStatusUpdateBatch);
    }
  }

  /** These options with {@link #schedulerHost()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withSchedulerHost(String value) {
    return new SchedulerRuntimeOptions(value, executor, offers, reschedule, timers, reconcile,
        prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #executor()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withExecutor(ExecutorSettings value) {
    return new SchedulerRuntimeOptions(schedulerHost, value, offers, reschedule, timers, reconcile,
        prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #offers()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withOffers(OfferOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, value, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #reschedule()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withReschedule(RescheduleOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, value, timers, reconcile,
        prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #timers()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withTimers(TimerOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, value,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #reconcile()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withReconcile(ReconcileOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers, value,
        prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #prune()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withPrune(PruneOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, value, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #maxStatusUpdateBatch()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withMaxStatusUpdateBatch(int value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, value, schedulingInterval, timerTick, placement, maxStartupScheduleDelay,
        updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #schedulingInterval()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withSchedulingInterval(Duration value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, value, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #timerTick()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withTimerTick(Duration value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, value, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #placement()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withPlacement(PlacementOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, timerTick, value,
        maxStartupScheduleDelay, updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #maxStartupScheduleDelay()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withMaxStartupScheduleDelay(Duration value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement, value,
        updates, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #updates()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withUpdates(UpdateOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, value, cron, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #cron()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withCron(CronOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, value, revocability, preemption,
        maintenance);
  }

  /** These options with {@link #revocability()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withRevocability(Revocability value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, value, preemption, maintenance);
  }

  /** These options with {@link #preemption()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withPreemption(PreemptionOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, value, maintenance);
  }

  /** These options with {@link #maintenance()} replaced by {@code value}. */
  public SchedulerRuntimeOptions withMaintenance(MaintenanceOptions value) {
    return new SchedulerRuntimeOptions(schedulerHost, executor, offers, reschedule, timers,
        reconcile, prune, maxStatusUpdateBatch, schedulingInterval, timerTick, placement,
        maxStartupScheduleDelay, updates, cron, revocability, preemption, value);
  }
}
