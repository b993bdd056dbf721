package io.aurora.scheduling.thrift;

import io.aurora.scheduling.update.UpdateSettingsRules;
import java.time.Duration;
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
 * @param maxUpdateInstanceFailures a job update's {@code maxPerInstanceFailures} times its
 *     instance count may be at most this ({@code -max_update_instance_failures}, 20000)
 */
public record ApiOptions(String clusterName, String statsUrlPrefix, Pattern allowedJobEnvironments,
    int maxTasksPerJob, TierSettings tiers, int maxUpdateInstanceFailures,
    Duration maxSlaDuration) {

  /** Aurora's {@code -max_sla_duration_secs}: 2 hours. */
  public static final Duration DEFAULT_MAX_SLA_DURATION = Duration.ofHours(2);

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
    Objects.requireNonNull(maxSlaDuration, "maxSlaDuration");
    if (maxSlaDuration.isNegative()) {
      throw new IllegalArgumentException("-max_sla_duration_secs must not be negative, got "
          + maxSlaDuration);
    }
    if (maxUpdateInstanceFailures < 0) {
      throw new IllegalArgumentException("-max_update_instance_failures must not be negative, got "
          + maxUpdateInstanceFailures);
    }
  }

  /** Options with Aurora's {@code -max_sla_duration_secs} (2 hours). */
  public ApiOptions(String clusterName, String statsUrlPrefix, Pattern allowedJobEnvironments,
      int maxTasksPerJob, TierSettings tiers, int maxUpdateInstanceFailures) {
    this(clusterName, statsUrlPrefix, allowedJobEnvironments, maxTasksPerJob, tiers,
        maxUpdateInstanceFailures, DEFAULT_MAX_SLA_DURATION);
  }

  /** Options with Aurora's {@code -max_update_instance_failures} (20000). */
  public ApiOptions(String clusterName, String statsUrlPrefix, Pattern allowedJobEnvironments,
      int maxTasksPerJob, TierSettings tiers) {
    this(clusterName, statsUrlPrefix, allowedJobEnvironments, maxTasksPerJob, tiers,
        UpdateSettingsRules.DEFAULT_MAX_UPDATE_INSTANCE_FAILURES);
  }

  /** Defaults for a cluster name. */
  public static ApiOptions defaults(String clusterName) {
    return new ApiOptions(clusterName, "", DEFAULT_ENVIRONMENTS, 4000, TierSettings.DEFAULTS);
  }
}
