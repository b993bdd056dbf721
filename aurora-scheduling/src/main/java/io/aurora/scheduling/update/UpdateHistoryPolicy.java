package io.aurora.scheduling.update;

import static com.google.common.base.Preconditions.checkArgument;

import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateState;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.apiConstants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which finished job updates to forget: those last changed longer ago than the age threshold,
 * and, per job, those beyond the newest {@code perJob} of the rest. Updates that have not ended
 * (or have no status yet) are never chosen and do not count against the per-job cap. Pure.
 *
 * <p>Aurora measures the age from an update's creation; here it runs from its last change, so
 * an update that ran for days is kept the full threshold after it ended.
 */
public final class UpdateHistoryPolicy {
  /** Newest created first; ties by last change, then key, so that the choice is stable. */
  private static final Comparator<JobUpdateSummary> NEWEST_FIRST =
      Comparator.<JobUpdateSummary>comparingLong(s -> s.getState().getCreatedTimestampMs())
          .thenComparingLong(s -> s.getState().getLastModifiedTimestampMs())
          .reversed()
          .thenComparing(JobUpdateSummary::getKey);

  private final int perJob;
  private final long maxAgeMs;

  /**
   * @param perJob finished updates kept per job
   * @param maxAge finished updates last changed longer ago than this are forgotten
   */
  public UpdateHistoryPolicy(int perJob, Duration maxAge) {
    checkArgument(perJob >= 0, "perJob must not be negative, got %s", perJob);
    checkArgument(!Objects.requireNonNull(maxAge, "maxAge").isNegative(),
        "maxAge must not be negative, got %s", maxAge);
    this.perJob = perJob;
    this.maxAgeMs = maxAge.toMillis();
  }

  /** Keys to remove among {@code updates} (of any jobs and statuses) at {@code nowMs}. */
  public Set<JobUpdateKey> select(Collection<JobUpdateSummary> updates, long nowMs) {
    long cutoff = nowMs - maxAgeMs;
    Set<JobUpdateKey> out = new LinkedHashSet<>();
    Map<JobKey, List<JobUpdateSummary>> keptByJob = new HashMap<>();
    for (JobUpdateSummary update : updates) {
      if (!finished(update)) {
        continue;
      }
      if (update.getState().getLastModifiedTimestampMs() < cutoff) {
        out.add(update.getKey());
      } else {
        keptByJob.computeIfAbsent(update.getKey().getJob(), k -> new ArrayList<>()).add(update);
      }
    }
    for (List<JobUpdateSummary> kept : keptByJob.values()) {
      if (kept.size() > perJob) {
        kept.sort(NEWEST_FIRST);
        kept.subList(perJob, kept.size()).forEach(u -> out.add(u.getKey()));
      }
    }
    return out;
  }

  /** Whether the update has ended: it has a status, and not an active one. */
  static boolean finished(JobUpdateSummary update) {
    JobUpdateState state = update.getState();
    JobUpdateStatus status = state == null ? null : state.getStatus();
    return status != null && !apiConstants.ACTIVE_JOB_UPDATE_STATES.contains(status)
        && update.getKey() != null && update.getKey().getJob() != null;
  }
}
