package io.aurora.scheduling.filter;

import io.aurora.gen.JobKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Round-scoped facts that dynamic checks need: per-job attribute counts, loaded on first use
 * (from the job's active tasks) and updated as tasks are placed. Not thread-safe.
 */
public final class PlacementContext {
  private final Function<JobKey, JobAttributeCounts> loader;
  private final long nowMs;
  private final Map<JobKey, JobAttributeCounts> byJob = new HashMap<>();

  /** @param loader computes a job's counts from its active tasks */
  public PlacementContext(Function<JobKey, JobAttributeCounts> loader) {
    this(loader, 0);
  }

  /**
   * @param loader computes a job's counts from its active tasks
   * @param nowMs the time of the round (epoch ms), for time-dependent checks
   */
  public PlacementContext(Function<JobKey, JobAttributeCounts> loader, long nowMs) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.nowMs = nowMs;
  }

  /** A context in which no job has active tasks yet. */
  public static PlacementContext empty() {
    return new PlacementContext(job -> new JobAttributeCounts());
  }

  /** The time of the round (epoch ms). */
  public long nowMs() {
    return nowMs;
  }

  /** The counts of {@code job}. */
  public JobAttributeCounts counts(JobKey job) {
    return byJob.computeIfAbsent(job, loader);
  }

  /** Records that a task of {@code job} was placed on {@code host}. */
  public void placed(JobKey job, HostOffer host) {
    counts(job).add(host.attributes());
  }
}
