package io.aurora.scheduling.reconcile;

import java.time.Duration;
import java.util.Objects;

/**
 * Reconciliation schedule.
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
    if (explicitBatchSize < 1) {
      throw new IllegalArgumentException("explicitBatchSize must be >= 1: " + explicitBatchSize);
    }
  }
}
