package io.aurora.scheduling;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Limits on the jobs clients may create, and the resources every task adds for its executor.
 *
 * @param maxTasksPerJob instances a job may have at most ({@code -max_tasks_per_job})
 * @param allowedJobEnvironments a regular expression a job key's environment must match in full
 *     ({@code -allowed_job_environments})
 * @param executorCpus CPUs added to each task for its executor ({@code -thermos_executor_cpu})
 * @param executorRamBytes memory added to each task for its executor ({@code -thermos_executor_ram})
 */
public record JobOptions(
    int maxTasksPerJob, String allowedJobEnvironments, double executorCpus, long executorRamBytes) {
  public JobOptions {
    Objects.requireNonNull(allowedJobEnvironments, "allowedJobEnvironments");
    checkArgument(maxTasksPerJob >= 1, "-max_tasks_per_job must be at least 1, got %s", maxTasksPerJob);
    try {
      Pattern.compile(allowedJobEnvironments);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("-allowed_job_environments is not a valid regular expression: "
          + e.getDescription() + " in '" + allowedJobEnvironments + "'");
    }
    checkArgument(executorCpus >= 0, "-thermos_executor_cpu must be a number >= 0, got %s", executorCpus);
    checkArgument(executorRamBytes >= 0,
        "-thermos_executor_ram must not be negative, got %s bytes", executorRamBytes);
  }

  /** The environment pattern, compiled. */
  public Pattern environmentPattern() {
    return Pattern.compile(allowedJobEnvironments);
  }
}
