package io.aurora.scheduling.updater;

import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.apiConstants;
import io.aurora.storage.StoreProvider;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The active update of a job: the one that owns its tasks until it ends. A job has at most one
 * ({@code startJobUpdate} refuses a second), and while it has one, calls that change its tasks
 * directly answer JOB_UPDATING_ERROR.
 */
public final class ActiveUpdates {
  /**
   * The statuses of an update that has not ended ({@code ACTIVE_JOB_UPDATE_STATES} of
   * {@code api.thrift}); a copy, since the generated set can be changed by anyone.
   */
  public static final Set<JobUpdateStatus> STATUSES =
      Collections.unmodifiableSet(EnumSet.copyOf(apiConstants.ACTIVE_JOB_UPDATE_STATES));

  private ActiveUpdates() {}

  /** Whether an update in {@code status} has not ended yet. */
  public static boolean isActive(JobUpdateStatus status) {
    return status != null && STATUSES.contains(status);
  }

  /**
   * The summary of {@code job}'s active update, read in the caller's transaction (a write's, to
   * act on the answer atomically), or empty if it has none.
   */
  public static Optional<JobUpdateSummary> of(StoreProvider stores, JobKey job) {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(job, "job");
    // The store's order puts the most recently changed first, should a past bug have left two.
    List<JobUpdateDetails> active = stores.jobUpdateStore().fetchJobUpdates(new JobUpdateQuery()
        .setJobKey(job).setUpdateStatuses(EnumSet.copyOf(STATUSES)).setLimit(1));
    return active.stream().findFirst().map(d -> d.getUpdate().getSummary());
  }
}
