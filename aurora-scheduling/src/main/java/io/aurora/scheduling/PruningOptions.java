package io.aurora.scheduling;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the history of finished tasks and job updates is kept.
 *
 * @param historyPruneThreshold terminal tasks older than this are removed ({@code -history_prune_threshold})
 * @param historyMinRetentionThreshold terminal tasks younger than this are always kept
 *     ({@code -history_min_retention_threshold})
 * @param historyMaxPerJobThreshold terminal tasks kept per job at most ({@code -history_max_per_job_threshold})
 * @param jobUpdateHistoryPerJobThreshold finished updates kept per job ({@code -job_update_history_per_job_threshold})
 * @param jobUpdateHistoryPruningInterval how often update history is pruned
 *     ({@code -job_update_history_pruning_interval})
 * @param jobUpdateHistoryPruningThreshold finished updates older than this are removed
 *     ({@code -job_update_history_pruning_threshold})
 */
public record PruningOptions(
    Duration historyPruneThreshold,
    Duration historyMinRetentionThreshold,
    int historyMaxPerJobThreshold,
    int jobUpdateHistoryPerJobThreshold,
    Duration jobUpdateHistoryPruningInterval,
    Duration jobUpdateHistoryPruningThreshold) {
  public PruningOptions {
    Objects.requireNonNull(historyPruneThreshold, "historyPruneThreshold");
    Objects.requireNonNull(historyMinRetentionThreshold, "historyMinRetentionThreshold");
    Objects.requireNonNull(jobUpdateHistoryPruningInterval, "jobUpdateHistoryPruningInterval");
    Objects.requireNonNull(jobUpdateHistoryPruningThreshold, "jobUpdateHistoryPruningThreshold");
    checkArgument(!historyMinRetentionThreshold.isNegative(),
        "-history_min_retention_threshold must not be negative, got %s", historyMinRetentionThreshold);
    checkArgument(historyPruneThreshold.compareTo(historyMinRetentionThreshold) >= 0,
        "-history_prune_threshold (%s) must not be shorter than -history_min_retention_threshold (%s)",
        historyPruneThreshold, historyMinRetentionThreshold);
    checkArgument(historyMaxPerJobThreshold >= 0,
        "-history_max_per_job_threshold must not be negative, got %s", historyMaxPerJobThreshold);
    checkArgument(jobUpdateHistoryPerJobThreshold >= 0,
        "-job_update_history_per_job_threshold must not be negative, got %s", jobUpdateHistoryPerJobThreshold);
    checkArgument(jobUpdateHistoryPruningInterval.compareTo(Duration.ZERO) > 0,
        "-job_update_history_pruning_interval must be positive, got %s", jobUpdateHistoryPruningInterval);
    checkArgument(!jobUpdateHistoryPruningThreshold.isNegative(),
        "-job_update_history_pruning_threshold must not be negative, got %s", jobUpdateHistoryPruningThreshold);
  }
}
