package io.aurora.scheduling.updater;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the job updater.
 *
 * @param historyPerJob finished updates kept per job ({@code -job_update_history_per_job_threshold}, 10)
 * @param historyPruningInterval how often finished updates are pruned
 *     ({@code -job_update_history_pruning_interval}, 15 min)
 * @param historyPruningThreshold finished updates last changed longer ago than this are removed
 *     ({@code -job_update_history_pruning_threshold}, 30 days)
 * @param affinity whether a replaced instance's agent is held for its replacement
 *     ({@code -enable_update_affinity}, false)
 * @param affinityHoldTime how long that agent is held
 *     ({@code -update_affinity_reservation_hold_time}, 3 min)
 */
public record UpdateOptions(int historyPerJob, Duration historyPruningInterval,
    Duration historyPruningThreshold, boolean affinity, Duration affinityHoldTime) {

  /** Aurora's defaults. */
  public static final UpdateOptions DEFAULTS = new UpdateOptions(10, Duration.ofMinutes(15),
      Duration.ofDays(30), false, Duration.ofMinutes(3));

  public UpdateOptions {
    Objects.requireNonNull(historyPruningInterval, "historyPruningInterval");
    Objects.requireNonNull(historyPruningThreshold, "historyPruningThreshold");
    Objects.requireNonNull(affinityHoldTime, "affinityHoldTime");
    checkArgument(historyPerJob >= 0,
        "-job_update_history_per_job_threshold must not be negative, got %s", historyPerJob);
    checkArgument(historyPruningInterval.compareTo(Duration.ZERO) > 0,
        "-job_update_history_pruning_interval must be positive, got %s", historyPruningInterval);
    checkArgument(!historyPruningThreshold.isNegative(),
        "-job_update_history_pruning_threshold must not be negative, got %s", historyPruningThreshold);
    checkArgument(!affinityHoldTime.isNegative(),
        "-update_affinity_reservation_hold_time must not be negative, got %s", affinityHoldTime);
  }
}
