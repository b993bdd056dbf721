package io.aurora.scheduling.resources;

import java.util.List;
import java.util.Objects;

/**
 * The executor that runs Aurora tasks and what it costs per task.
 *
 * @param cpus per-task executor CPU overhead ({@code -thermos_executor_cpu})
 * @param ramMb per-task executor RAM overhead in MB ({@code -thermos_executor_ram})
 * @param executorPath URI of the executor binary ({@code -thermos_executor_path}); empty = none
 * @param extraUris further URIs to fetch ({@code -thermos_executor_resources})
 * @param flags extra command-line flags for the executor ({@code -thermos_executor_flags})
 */
public record ExecutorSettings(
    double cpus, long ramMb, String executorPath, List<String> extraUris, String flags) {

  /** Aurora's defaults: 0.25 cpus, 128 MB, no executor path. */
  public static final ExecutorSettings DEFAULTS =
      new ExecutorSettings(0.25, 128, "", List.of(), "");

  public ExecutorSettings {
    if (!(cpus >= 0)) {
      throw new IllegalArgumentException("-thermos_executor_cpu must be a number >= 0, got " + cpus);
    }
    if (ramMb < 0) {
      throw new IllegalArgumentException("-thermos_executor_ram must not be negative, got " + ramMb + "MB");
    }
    Objects.requireNonNull(executorPath, "executorPath");
    extraUris = List.copyOf(extraUris);
    Objects.requireNonNull(flags, "flags");
  }

  /** The overhead as a bag. */
  public ResourceBag overhead() {
    return new ResourceBag(cpus, ramMb, 0, 0, 0);
  }
}
