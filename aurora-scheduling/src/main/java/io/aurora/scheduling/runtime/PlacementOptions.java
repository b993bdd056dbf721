package io.aurora.scheduling.runtime;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the pending-task loop tries to place tasks, and how it backs off a task group that
 * found no offer.
 *
 * <p>An attempt is one task group (the pending tasks of one config) tried in one scheduling round
 * with at most {@code maxTasksPerScheduleAttempt} of its tasks; the attempts of a round share its
 * one storage write, at most {@code maxBatchSize} of them. So the placement rate is at most
 * {@code maxScheduleAttemptsPerSec * maxTasksPerScheduleAttempt} tasks per second, as in Aurora.
 *
 * @param maxScheduleAttemptsPerSec global limit on scheduling attempts ({@code -max_schedule_attempts_per_sec})
 * @param maxTasksPerScheduleAttempt tasks of one group placed per attempt ({@code -max_tasks_per_schedule_attempt})
 * @param maxBatchSize attempts that share one storage transaction ({@code -scheduling_max_batch_size})
 * @param firstScheduleDelay delay before a new task group's first attempt ({@code -first_schedule_delay})
 * @param initialSchedulePenalty first backoff after a failed attempt ({@code -initial_schedule_penalty})
 * @param maxSchedulePenalty largest backoff after failed attempts ({@code -max_schedule_penalty})
 */
public record PlacementOptions(
    double maxScheduleAttemptsPerSec,
    int maxTasksPerScheduleAttempt,
    int maxBatchSize,
    Duration firstScheduleDelay,
    Duration initialSchedulePenalty,
    Duration maxSchedulePenalty) {

  /**
   * Our defaults. The backoff values are Aurora's (1 ms, 1 s, 1 min). The rate limits are not:
   * Aurora's 40 attempts per second of at most 5 tasks, 3 attempts per write, cap placement at
   * 200 tasks per second (and 40 jobs per second), far below what this scheduler places. Ours
   * (10,000 attempts per second of up to 1,000 tasks, 1,000 attempts per write) do not cap below
   * the 10,000 tasks per second we aim for, even when every job has a single task; set Aurora's
   * values explicitly to get Aurora's pace.
   */
  public static final PlacementOptions DEFAULTS = new PlacementOptions(10_000.0, 1_000, 1_000,
      Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofMinutes(1));

  public PlacementOptions {
    Objects.requireNonNull(firstScheduleDelay, "firstScheduleDelay");
    Objects.requireNonNull(initialSchedulePenalty, "initialSchedulePenalty");
    Objects.requireNonNull(maxSchedulePenalty, "maxSchedulePenalty");
    checkArgument(maxScheduleAttemptsPerSec > 0,
        "-max_schedule_attempts_per_sec must be positive, got %s", maxScheduleAttemptsPerSec);
    checkArgument(maxTasksPerScheduleAttempt >= 1,
        "-max_tasks_per_schedule_attempt must be at least 1, got %s", maxTasksPerScheduleAttempt);
    checkArgument(maxBatchSize >= 1, "-scheduling_max_batch_size must be at least 1, got %s", maxBatchSize);
    checkArgument(!firstScheduleDelay.isNegative(),
        "-first_schedule_delay must not be negative, got %s", firstScheduleDelay);
    checkArgument(initialSchedulePenalty.compareTo(Duration.ZERO) > 0,
        "-initial_schedule_penalty must be positive, got %s", initialSchedulePenalty);
    checkArgument(maxSchedulePenalty.compareTo(initialSchedulePenalty) >= 0,
        "-max_schedule_penalty (%s) must not be shorter than -initial_schedule_penalty (%s)",
        maxSchedulePenalty, initialSchedulePenalty);
  }
}
