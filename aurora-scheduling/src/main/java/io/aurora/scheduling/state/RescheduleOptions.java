package io.aurora.scheduling.state;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * Flapping backoff: a task that ran only briefly before ending waits before it is replaced, with
 * an exponential backoff. Read by {@link RescheduleCalculator}.
 *
 * @param flappingThreshold a task that ran shorter than this before ending flapped
 *     ({@code -flapping_task_threshold})
 * @param initialFlappingDelay first penalty ({@code -initial_flapping_task_delay})
 * @param maxFlappingDelay penalty cap ({@code -max_flapping_task_delay})
 */
public record RescheduleOptions(
    Duration flappingThreshold, Duration initialFlappingDelay, Duration maxFlappingDelay) {

  /** Aurora's defaults: 5 min, 30 s, 5 min. */
  public static final RescheduleOptions DEFAULTS = new RescheduleOptions(
      Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(5));

  public RescheduleOptions {
    Objects.requireNonNull(flappingThreshold, "flappingThreshold");
    Objects.requireNonNull(initialFlappingDelay, "initialFlappingDelay");
    Objects.requireNonNull(maxFlappingDelay, "maxFlappingDelay");
    checkArgument(!flappingThreshold.isNegative(),
        "-flapping_task_threshold must not be negative, got %s", flappingThreshold);
    checkArgument(!initialFlappingDelay.isNegative(),
        "-initial_flapping_task_delay must not be negative, got %s", initialFlappingDelay);
    checkArgument(maxFlappingDelay.compareTo(initialFlappingDelay) >= 0,
        "-max_flapping_task_delay (%s) must not be shorter than -initial_flapping_task_delay (%s)",
        maxFlappingDelay, initialFlappingDelay);
  }
}
