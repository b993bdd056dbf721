package io.aurora.scheduling.filter;

import io.aurora.gen.MaintenanceMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Nothing new goes to a host that is DRAINING or DRAINED, or whose Mesos maintenance starts
 * within the unavailability threshold; SCHEDULED hosts still take tasks.
 */
public final class MaintenanceCheck implements FeasibilityCheck {
  /** Aurora's {@code -unavailability_threshold}. */
  public static final Duration DEFAULT_UNAVAILABILITY_THRESHOLD = Duration.ofMinutes(6);

  private final long thresholdMs;

  /** With the default threshold. */
  public MaintenanceCheck() {
    this(DEFAULT_UNAVAILABILITY_THRESHOLD);
  }

  /** @param unavailabilityThreshold drain this long before Mesos maintenance starts */
  public MaintenanceCheck(Duration unavailabilityThreshold) {
    this.thresholdMs = Objects.requireNonNull(unavailabilityThreshold, "threshold").toMillis();
  }

  @Override
  public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
    if (host.mode() == MaintenanceMode.DRAINING) {
      return Optional.of(Veto.maintenance("draining"));
    }
    if (host.mode() == MaintenanceMode.DRAINED) {
      return Optional.of(Veto.maintenance("drained"));
    }
    if (host.unavailableAtMs() != Long.MAX_VALUE
        && host.unavailableAtMs() - thresholdMs <= context.nowMs()) {
      return Optional.of(Veto.maintenance("draining"));
    }
    return Optional.empty();
  }

  @Override
  public boolean isStatic() {
    return true;
  }
}
