package io.aurora.scheduling.quota;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.apiConstants;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.storage.StoreProvider;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one quota check that every call growing production work makes inside its write
 * (createJob, addInstances, scheduleCronJob, startJobUpdate), and the consumption that
 * {@code getQuota} and {@code setQuota} report against. Reads the caller's transaction, so the
 * answer holds for the write it guards.
 */
public final class QuotaCheck {
  private QuotaCheck() {}

  /** What {@code job} counts against quota now. */
  public static JobFootprint current(StoreProvider stores, JobKey job) {
    Map<Integer, TaskConfig> tasks = new HashMap<>();
    for (ScheduledTask t : stores.taskStore().fetchTasks(
        TaskQueries.byJob(job).statuses(Tasks.ACTIVE_STATES).build())) {
      tasks.put(t.getAssignedTask().getInstanceId(), t.getAssignedTask().getTask());
    }
    List<JobUpdateDetails> active = stores.jobUpdateStore().fetchJobUpdates(new JobUpdateQuery()
        .setJobKey(job).setUpdateStatuses(EnumSet.copyOf(apiConstants.ACTIVE_JOB_UPDATE_STATES))
        .setLimit(1));
    return new JobFootprint(tasks,
        active.stream().findFirst().map(d -> d.getUpdate().getInstructions()),
        stores.cronJobStore().fetchJob(job));
  }

  /** The prod-shared consumption of {@code role}: all its jobs' footprints. */
  public static ResourceBag consumption(StoreProvider stores, String role) {
    ResourceBag sum = ResourceBag.EMPTY;
    for (JobKey job : jobsOf(stores, role)) {
      sum = sum.plus(current(stores, job).resources());
    }
    return sum;
  }

  /** The role's quota (none stored is zero, as in Aurora). */
  public static ResourceBag quota(StoreProvider stores, String role) {
    return stores.quotaStore().fetchQuota(role).map(QuotaMath::of).orElse(ResourceBag.EMPTY);
  }

  /**
   * Why {@code job} may not change to {@code proposed}: the role's consumption with the job's
   * current footprint replaced by the proposed one exceeds its quota. Empty if it fits, or if the
   * change grows no resource (shrinking work stays possible for a role over its quota).
   */
  public static Optional<String> refusal(StoreProvider stores, JobKey job, JobFootprint proposed) {
    ResourceBag before = current(stores, job).resources();
    ResourceBag after = proposed.resources();
    if (!QuotaMath.grows(before, after)) {
      return Optional.empty();
    }
    ResourceBag use = consumption(stores, job.getRole()).minus(before).plus(after);
    return QuotaMath.shortage(quota(stores, job.getRole()), use)
        .map(m -> m + " (role " + job.getRole() + ", job " + JobKeys.canonicalString(job) + ")");
  }

  private static Set<JobKey> jobsOf(StoreProvider stores, String role) {
    Set<JobKey> jobs = new TreeSet<>();
    for (JobKey job : stores.taskStore().jobKeys()) {
      if (role.equals(job.getRole())) {
        jobs.add(job);
      }
    }
    for (JobConfiguration cron : stores.cronJobStore().fetchJobs()) {
      if (role.equals(cron.getKey().getRole())) {
        jobs.add(cron.getKey());
      }
    }
    for (JobUpdateDetails d : stores.jobUpdateStore().fetchJobUpdates(new JobUpdateQuery()
        .setRole(role).setUpdateStatuses(EnumSet.copyOf(apiConstants.ACTIVE_JOB_UPDATE_STATES)))) {
      jobs.add(d.getUpdate().getSummary().getKey().getJob());
    }
    return jobs;
  }
}
