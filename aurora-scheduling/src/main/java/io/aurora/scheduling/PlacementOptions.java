package io.aurora.scheduling;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the pending-task loop tries to place tasks, and how it backs off a task group that
 * found no offer.
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
