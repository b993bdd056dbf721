package io.aurora.scheduling.thrift;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.scheduling.updater.ActiveUpdates;
import io.aurora.storage.StoreProvider;

/**
 * A call that would change the tasks of a job that an active update owns; answered with
 * JOB_UPDATING_ERROR and this message.
 */
public final class JobUpdatingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobUpdatingException(String message) {
    super(message);
  }

  /**
   * Throws if {@code job} has an active update in {@code stores}. Called inside the write that
   * changes the job, so that no update can start between the check and the change.
   */
  static void checkNotUpdating(StoreProvider stores, JobKey job) {
    ActiveUpdates.of(stores, job).ifPresent(update -> {
      throw new JobUpdatingException(message(job, update));
    });
  }

  private static String message(JobKey job, JobUpdateSummary update) {
    String status = update.getState() == null || update.getState().getStatus() == null
        ? "active" : update.getState().getStatus().name();
    return "Job " + JobKeys.canonicalString(job) + " is being updated (update "
        + update.getKey().getId() + ", " + status + "): wait for the update to finish or abort it, "
        + "then try again.";
  }
}
