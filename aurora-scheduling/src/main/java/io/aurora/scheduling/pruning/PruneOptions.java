package io.aurora.scheduling.pruning;

import java.time.Duration;
import java.util.Objects;

/**
 * Terminal task retention.
 *
 * @param pruneThreshold delete terminal tasks this long after they ended
 *     ({@code -history_prune_threshold}, 2 days)
 * @param minRetention never delete sooner than this after the end
 *     ({@code -history_min_retention_threshold}, 1 h)
 * @param maxPerJob keep at most this many terminal tasks per job, oldest deleted first
 *     ({@code -history_max_per_job_threshold}, 100)
 * @param interval how often the pruner runs
 */
public record PruneOptions(Duration pruneThreshold, Duration minRetention, int maxPerJob,
    Duration interval) {

  /** Aurora's defaults (the pruner runs every minute). */
  public static final PruneOptions DEFAULTS =
      new PruneOptions(Duration.ofDays(2), Duration.ofHours(1), 100, Duration.ofMinutes(1));

  public PruneOptions {
    Objects.requireNonNull(pruneThreshold, "pruneThreshold");
    Objects.requireNonNull(minRetention, "minRetention");
    Objects.requireNonNull(interval, "interval");
    if (maxPerJob < 0 || interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("need maxPerJob >= 0 and interval > 0");
    }
  }
}
