package io.aurora.scheduling.reconcile;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * When task state is reconciled with Mesos, read by {@link TaskReconciler}: explicitly (asking
 * about each known task, in batches) and implicitly (asking Mesos for every task it knows).
 *
 * @param initialDelay before the first explicit run ({@code -reconciliation_initial_delay}, 1 min)
 * @param explicitInterval between explicit runs ({@code -reconciliation_explicit_interval}, 60 min)
 * @param implicitInterval between implicit runs ({@code -reconciliation_implicit_interval}, 60 min)
 * @param scheduleSpread extra delay of the first implicit run
 *     ({@code -reconciliation_schedule_spread}, 30 min)
 * @param explicitBatchSize tasks per explicit call ({@code -reconciliation_explicit_batch_size}, 1000)
 * @param explicitBatchInterval between explicit calls
 *     ({@code -reconciliation_explicit_batch_interval}, 5 s)
 */
public record ReconcileOptions(Duration initialDelay, Duration explicitInterval,
    Duration implicitInterval, Duration scheduleSpread, int explicitBatchSize,
    Duration explicitBatchInterval) {

  /** Aurora's defaults. */
  public static final ReconcileOptions DEFAULTS = new ReconcileOptions(Duration.ofMinutes(1),
      Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofMinutes(30), 1000,
      Duration.ofSeconds(5));

  public ReconcileOptions {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(explicitInterval, "explicitInterval");
    Objects.requireNonNull(implicitInterval, "implicitInterval");
    Objects.requireNonNull(scheduleSpread, "scheduleSpread");
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
        "-reconciliation_explicit_batch_interval must not be negative, got %s",
        explicitBatchInterval);
  }
}
