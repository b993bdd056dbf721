package io.aurora.scheduling.slacoord;

import java.time.Duration;
import java.util.Objects;

/**
 * How coordinators are asked.
 *
 * @param timeout how long an answer may take; a late answer is an error and denies
 *     ({@code -sla_coordinator_timeout}, 1 min)
 * @param maxParallel coordinator checks in flight at once
 *     ({@code -max_parallel_coordinated_maintenance}, 10)
 */
public record CoordinatorOptions(Duration timeout, int maxParallel) {
  /** Aurora's defaults. */
  public static final CoordinatorOptions DEFAULTS = new CoordinatorOptions(Duration.ofMinutes(1), 10);

  public CoordinatorOptions {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("-sla_coordinator_timeout must be positive, got " + timeout);
    }
    if (maxParallel < 1) {
      throw new IllegalArgumentException(
          "-max_parallel_coordinated_maintenance must be at least 1, got " + maxParallel);
    }
  }
}
