package io.aurora.server.client.config;

import io.aurora.server.client.cli.ClientFailure;

/**
 * How a job is updated, with the fields and defaults of Aurora's client's {@code UpdateConfig}
 * ({@code batch_size} 1, {@code watch_secs} 45, {@code max_per_shard_failures} 0, {@code
 * max_total_failures} 0, {@code rollback_on_failure} true). A job file may carry one (Aurora's job
 * JSON has {@code update_config}); {@code update start}'s flags override it field by field.
 *
 * @param batchSize instances updated at once ({@code --batch-size})
 * @param watchSecs seconds an updated instance must stay RUNNING ({@code --watch-secs})
 * @param maxPerShardFailures failures an instance may have before it counts as failed
 *     ({@code --max-per-instance-failures})
 * @param maxTotalFailures failed instances the update tolerates ({@code --max-total-failures})
 * @param rollbackOnFailure whether too many failures roll the update back ({@code --no-rollback})
 */
public record UpdateConfig(int batchSize, int watchSecs, int maxPerShardFailures,
    int maxTotalFailures, boolean rollbackOnFailure) {
  /** Aurora's client's defaults. */
  public static final UpdateConfig DEFAULTS = new UpdateConfig(1, 45, 0, 0, true);

  /**
   * Checks the settings as Aurora's client does before it starts an update of a job of {@code
   * instanceCount} instances.
   *
   * @throws ClientFailure with exit status 3 and one line naming the flag
   */
  public UpdateConfig validate(int instanceCount) {
    require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
    require(watchSecs >= 0, "--watch-secs must not be negative, got " + watchSecs);
    require(maxPerShardFailures >= 0,
        "--max-per-instance-failures must not be negative, got " + maxPerShardFailures);
    require(maxTotalFailures >= 0,
        "--max-total-failures must not be negative, got " + maxTotalFailures);
    require(maxTotalFailures < instanceCount, "--max-total-failures (" + maxTotalFailures
        + ") must be less than the job's instance count (" + instanceCount + ")");
    return this;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw ClientFailure.invalidConfiguration(message);
    }
  }
}
