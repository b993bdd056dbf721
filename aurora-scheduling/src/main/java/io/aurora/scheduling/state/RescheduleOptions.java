package io.aurora.scheduling.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Flapping backoff settings.
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
    if (initialFlappingDelay.isNegative() || maxFlappingDelay.compareTo(initialFlappingDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialFlappingDelay <= maxFlappingDelay, got "
          + initialFlappingDelay + " and " + maxFlappingDelay);
    }
  }
}
