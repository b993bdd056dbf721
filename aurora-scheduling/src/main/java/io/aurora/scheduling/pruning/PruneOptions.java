package io.aurora.scheduling.pruning;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * Terminal task retention, read by {@link TaskPruner} and {@link PrunePolicy}.
 *
 * @param pruneThreshold delete terminal tasks this long after they ended
 *     ({@code -history_prune_threshold}, 2 days)
 * @param minRetention never delete sooner than this after the end
 *     ({@code -history_min_retention_threshold}, 1 h)
 * @param maxPerJob keep at most this many terminal tasks per job, oldest deleted first
 *     ({@code -history_max_per_job_threshold}, 100)
 * @param interval how often the pruner runs ({@link #INTERVAL} in the daemon)
 */
public record PruneOptions(Duration pruneThreshold, Duration minRetention, int maxPerJob,
    Duration interval) {

  /**
   * How often the daemon's pruner runs. Aurora prunes on task events instead of on a period; one
   * minute keeps the history within a minute of the thresholds, which are hours and days, while a
   * run costs one read of the terminal tasks. Not a flag: no threshold is fine enough to need it.
   */
  public static final Duration INTERVAL = Duration.ofMinutes(1);

  /** Aurora's defaults, pruned every {@link #INTERVAL}. */
  public static final PruneOptions DEFAULTS =
      new PruneOptions(Duration.ofDays(2), Duration.ofHours(1), 100, INTERVAL);

  public PruneOptions {
    Objects.requireNonNull(pruneThreshold, "pruneThreshold");
    Objects.requireNonNull(minRetention, "minRetention");
    Objects.requireNonNull(interval, "interval");
    checkArgument(!minRetention.isNegative(),
        "-history_min_retention_threshold must not be negative, got %s", minRetention);
    checkArgument(pruneThreshold.compareTo(minRetention) >= 0,
        "-history_prune_threshold (%s) must not be shorter than -history_min_retention_threshold (%s)",
        pruneThreshold, minRetention);
    checkArgument(maxPerJob >= 0,
        "-history_max_per_job_threshold must not be negative, got %s", maxPerJob);
    checkArgument(interval.compareTo(Duration.ZERO) > 0, "interval must be positive, got %s",
        interval);
  }
}
