package io.aurora.scheduling;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * When task state is reconciled with Mesos: explicitly (asking about each known task, in batches)
 * and implicitly (asking Mesos for every task it knows).
 *
 * @param initialDelay wait after becoming leader before the first run ({@code -reconciliation_initial_delay})
 * @param scheduleSpread spacing between the explicit and implicit runs ({@code -reconciliation_schedule_spread})
 * @param explicitInterval period of explicit runs ({@code -reconciliation_explicit_interval})
 * @param implicitInterval period of implicit runs ({@code -reconciliation_implicit_interval})
 * @param explicitBatchSize tasks per explicit request ({@code -reconciliation_explicit_batch_size})
 * @param explicitBatchInterval wait between explicit requests ({@code -reconciliation_explicit_batch_interval})
 */
public record ReconciliationOptions(
    Duration initialDelay,
    Duration scheduleSpread,
    Duration explicitInterval,
    Duration implicitInterval,
    int explicitBatchSize,
    Duration explicitBatchInterval) {
  public ReconciliationOptions {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(scheduleSpread, "scheduleSpread");
    Objects.requireNonNull(explicitInterval, "explicitInterval");
    Objects.requireNonNull(implicitInterval, "implicitInterval");
    Objects.requireNonNull(explicitBatchInterval, "explicitBatchInterval");
    checkArgument(!initialDelay.isNegative(),
        "-reconciliation_initial_delay must not be negative, got %s", initialDelay);
    checkArgument(!scheduleSpread.isNegative(),
        "-reconciliation_schedule_spread must not be negative, got %s", scheduleSpread);
    checkArgument(explicitInterval.compareTo(Duration.ZERO) > 0,
        "-reconciliation_explicit_interval must be positive, got %s", explicitInterval);
    checkArgument(implicitInterval.compareTo(Duration.ZERO) > 0,
        "-reconciliation_implicit_interval must be positive, got %s", implicitInterval);
    checkArgument(explicitBatchSize >= 1,
        "-reconciliation_explicit_batch_size must be at least 1, got %s", explicitBatchSize);
    checkArgument(!explicitBatchInterval.isNegative(),
        "-reconciliation_explicit_batch_interval must not be negative, got %s", explicitBatchInterval);
  }
}
