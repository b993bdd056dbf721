package io.aurora.scheduling.updater;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateState;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.scheduling.quota.QuotaCheck;
import io.aurora.scheduling.update.InstanceRanges;
import io.aurora.scheduling.update.JobDiff;
import io.aurora.storage.MutableStoreProvider;
import io.aurora.storage.StoreProvider;
import java.util.Optional;

/**
 * The checks a new update must pass against what is stored, and the stored update itself. Runs
 * inside the caller's write, so that the check of the job's active update and the insert of the
 * new one are one step.
 */
final class UpdateStarts {
  /** Aurora's answer to an update that would change nothing. */
  static final String NOOP = "Job is unchanged by proposed update.";

  private UpdateStarts() {}

  /**
   * The diff of {@code request} against {@code job}'s tasks, after the checks that do not depend
   * on an active update: not a cron job, no scope instance outside the job and the request.
   */
  static JobDiff diff(StoreProvider stores, NewUpdate request) {
    JobKey job = request.job();
    if (stores.cronJobStore().fetchJob(job).isPresent()) {
      throw new UpdateRefusedException("Job " + JobKeys.canonicalString(job) + " is a cron job: "
          + "cron jobs may only be updated by calling replaceCronTemplate.");
    }
    JobDiff diff = JobDiff.compute(UpdateStores.currentConfigs(stores, job), request.config(),
        request.instanceCount(),
        InstanceRanges.ids(request.settings().getUpdateOnlyTheseInstances()));
    if (!diff.outOfScope().isEmpty()) {
      throw new UpdateRefusedException("settings.updateOnlyTheseInstances names instances that "
          + "are neither active nor within instanceCount " + request.instanceCount() + ": "
          + diff.outOfScope());
    }
    return diff;
  }

  /**
   * Stores the update with its first event, unless it would change nothing (then empty).
   *
   * @throws UpdateRefusedException if the job is a cron job, already has an active update, or
   *     the scope names instances outside the job and the request, or the update's larger
 *     footprint (old or new) would take the role past its production quota
   */
  static Optional<JobUpdate> store(MutableStoreProvider stores, NewUpdate request,
      JobUpdateKey key, JobUpdateStatus initial, String user, String message, long nowMs) {
    Optional<JobUpdateSummary> active = ActiveUpdates.of(stores, request.job());
    if (active.isPresent()) {
      JobUpdateSummary summary = active.get();
      throw new UpdateRefusedException("Job " + JobKeys.canonicalString(request.job())
          + " already has an active update: " + summary.getKey().getId() + " ("
          + summary.getState().getStatus() + ")", UpdateStores.startResult(summary));
    }
    JobDiff diff = diff(stores, request);
    if (diff.isNoop()) {
      return Optional.empty();
    }
    JobUpdateInstructions instructions = new JobUpdateInstructions()
        .setInitialState(diff.initialState())
        .setSettings(request.settings().deepCopy());
    diff.desiredState().ifPresent(instructions::setDesiredState);
    QuotaCheck.refusal(stores, request.job(),
        QuotaCheck.current(stores, request.job()).withUpdate(instructions)).ifPresent(m -> {
          throw new UpdateRefusedException(m);
        });
    JobUpdateSummary summary = new JobUpdateSummary()
        .setKey(key.deepCopy())
        .setUser(user)
        .setState(new JobUpdateState(initial, nowMs, nowMs))
        .setMetadata(request.metadataCopy());
    JobUpdate update = new JobUpdate(summary, instructions);
    stores.jobUpdateStore().saveJobUpdate(update);
    JobUpdateEvent event = new JobUpdateEvent(initial, nowMs).setUser(user);
    if (message != null && !message.isEmpty()) {
      event.setMessage(message);
    }
    stores.jobUpdateStore().saveJobUpdateEvent(key, event);
    return Optional.of(update);
  }
}
