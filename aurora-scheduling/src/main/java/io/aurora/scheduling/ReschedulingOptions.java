package io.aurora.scheduling;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * When a task that ended is replaced: flapping tasks (ones that ran only briefly) wait with an
 * exponential backoff, and tasks rescheduled at startup wait a random delay so a failover does not
 * launch everything at once.
 *
 * @param flappingTaskThreshold a task that ran less than this is flapping ({@code -flapping_task_threshold})
 * @param initialFlappingTaskDelay first delay for a flapping task ({@code -initial_flapping_task_delay})
 * @param maxFlappingTaskDelay largest delay for a flapping task ({@code -max_flapping_task_delay})
 * @param maxRescheduleTaskDelayOnStartup upper bound of the random startup delay
 *     ({@code -max_reschedule_task_delay_on_startup})
 */
public record ReschedulingOptions(
    Duration flappingTaskThreshold,
    Duration initialFlappingTaskDelay,
    Duration maxFlappingTaskDelay,
    Duration maxRescheduleTaskDelayOnStartup) {
  public ReschedulingOptions {
    Objects.requireNonNull(flappingTaskThreshold, "flappingTaskThreshold");
    Objects.requireNonNull(initialFlappingTaskDelay, "initialFlappingTaskDelay");
    Objects.requireNonNull(maxFlappingTaskDelay, "maxFlappingTaskDelay");
    Objects.requireNonNull(maxRescheduleTaskDelayOnStartup, "maxRescheduleTaskDelayOnStartup");
    checkArgument(!flappingTaskThreshold.isNegative(),
        "-flapping_task_threshold must not be negative, got %s", flappingTaskThreshold);
    checkArgument(initialFlappingTaskDelay.compareTo(Duration.ZERO) > 0,
        "-initial_flapping_task_delay must be positive, got %s", initialFlappingTaskDelay);
    checkArgument(maxFlappingTaskDelay.compareTo(initialFlappingTaskDelay) >= 0,
        "-max_flapping_task_delay (%s) must not be shorter than -initial_flapping_task_delay (%s)",
        maxFlappingTaskDelay, initialFlappingTaskDelay);
    checkArgument(!maxRescheduleTaskDelayOnStartup.isNegative(),
        "-max_reschedule_task_delay_on_startup must not be negative, got %s",
        maxRescheduleTaskDelayOnStartup);
  }
}
