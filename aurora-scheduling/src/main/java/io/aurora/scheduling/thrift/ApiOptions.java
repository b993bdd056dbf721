package io.aurora.scheduling.thrift;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of the API, read by the {@code *Api} classes of this package.
 *
 * @param clusterName {@code ServerInfo.clusterName} ({@code -cluster_name})
 * @param statsUrlPrefix {@code ServerInfo.statsUrlPrefix} ({@code -viz_job_url_prefix})
 * @param allowedJobEnvironments environments must match ({@code -allowed_job_environments})
 * @param maxTasksPerJob instance count limit ({@code -max_tasks_per_job}, 4000)
 * @param tiers the tier configuration ({@code -tier_config})
 */
public record ApiOptions(String clusterName, String statsUrlPrefix, Pattern allowedJobEnvironments,
    int maxTasksPerJob, TierSettings tiers) {

  /** Aurora's default environment pattern. */
  public static final Pattern DEFAULT_ENVIRONMENTS = Pattern.compile("^(prod|devel|test|staging\\d*)$");

  public ApiOptions {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(statsUrlPrefix, "statsUrlPrefix");
    Objects.requireNonNull(allowedJobEnvironments, "allowedJobEnvironments");
    Objects.requireNonNull(tiers, "tiers");
    if (maxTasksPerJob < 1) {
      throw new IllegalArgumentException("-max_tasks_per_job must be at least 1, got " + maxTasksPerJob);
    }
  }

  /** Defaults for a cluster name. */
  public static ApiOptions defaults(String clusterName) {
    return new ApiOptions(clusterName, "", DEFAULT_ENVIRONMENTS, 4000, TierSettings.DEFAULTS);
  }
}
