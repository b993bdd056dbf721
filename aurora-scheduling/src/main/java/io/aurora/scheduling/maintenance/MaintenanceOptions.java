package io.aurora.scheduling.maintenance;

import io.aurora.scheduling.sla.SlaRules;
import io.aurora.scheduling.slacoord.CoordinatorOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of host maintenance.
 *
 * @param pollingInterval how often the drain pass runs ({@code -host_maintenance_polling_interval},
 *     1 min); it also runs when a task on a draining host's job changes
 * @param unavailabilityThreshold a host whose Mesos unavailability starts within this is drained
 *     ({@code -unavailability_threshold}, 6 min)
 * @param sla the relaxations of count and percentage policies
 * @param coordinator how coordinator policies are asked
 */
public record MaintenanceOptions(Duration pollingInterval, Duration unavailabilityThreshold,
    SlaRules sla, CoordinatorOptions coordinator) {
  /** Aurora's defaults. */
  public static final MaintenanceOptions DEFAULTS = new MaintenanceOptions(Duration.ofMinutes(1),
      Duration.ofMinutes(6), SlaRules.DEFAULTS, CoordinatorOptions.DEFAULTS);

  public MaintenanceOptions {
    Objects.requireNonNull(pollingInterval, "pollingInterval");
    Objects.requireNonNull(unavailabilityThreshold, "unavailabilityThreshold");
    Objects.requireNonNull(sla, "sla");
    Objects.requireNonNull(coordinator, "coordinator");
    if (pollingInterval.isZero() || pollingInterval.isNegative()) {
      throw new IllegalArgumentException(
          "-host_maintenance_polling_interval must be positive, got " + pollingInterval);
    }
    if (unavailabilityThreshold.isNegative()) {
      throw new IllegalArgumentException(
          "-unavailability_threshold must not be negative, got " + unavailabilityThreshold);
    }
  }
}
