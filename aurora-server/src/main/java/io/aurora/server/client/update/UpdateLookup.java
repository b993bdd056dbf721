package io.aurora.server.client.update;

import io.aurora.gen.GetJobUpdateDetailsResult;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Response;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.SchedulerCalls;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds the update a KEY-OR-JOB means, and reads updates: summaries through {@code
 * getJobUpdateSummaries}, details through {@code getJobUpdateDetails(null, query{key})}.
 */
final class UpdateLookup {
  private final SchedulerCalls scheduler;

  UpdateLookup(SchedulerCalls scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /**
   * The update a steering verb acts on: the one named, else the job's active update.
   *
   * @throws ClientFailure 6 when the job has no active update, 10 when it has several
   */
  JobUpdateKey active(UpdateTarget target) {
    if (target.key().isPresent()) {
      return target.key().get();
    }
    List<JobUpdateSummary> active = summaries(new JobUpdateQuery()
        .setJobKey(target.job().jobKey()).setUpdateStatuses(UpdateStatuses.active()));
    if (active.isEmpty()) {
      throw ClientFailure.invalidParameter("No active update found for " + target.job());
    }
    if (active.size() > 1) {
      throw new ClientFailure(ExitCodes.API_ERROR, "several active updates for " + target.job()
          + ": " + active.stream().map(s -> s.getKey().getId()).collect(Collectors.joining(", ")));
    }
    return active.get(0).getKey();
  }

  /**
   * The update {@code info} and {@code wait} show: the one named, else the job's active update,
   * else its most recent one.
   *
   * @throws ClientFailure 6 when the job has no update at all
   */
  JobUpdateKey activeOrLatest(UpdateTarget target) {
    if (target.key().isPresent()) {
      return target.key().get();
    }
    EnumSet<JobUpdateStatus> active = UpdateStatuses.active();
    return summaries(new JobUpdateQuery().setJobKey(target.job().jobKey())).stream()
        .max(Comparator.comparing((JobUpdateSummary s) -> active.contains(s.getState().getStatus()))
            .thenComparingLong(s -> s.getState().getCreatedTimestampMs()))
        .map(JobUpdateSummary::getKey)
        .orElseThrow(() -> ClientFailure.invalidParameter("No update found for " + target.job()));
  }

  /** The summaries {@code query} selects, in the scheduler's order. */
  List<JobUpdateSummary> summaries(JobUpdateQuery query) {
    Response r = scheduler.ok(api -> api.getJobUpdateSummaries(query));
    List<JobUpdateSummary> found = r.isSetResult() && r.getResult().isSetGetJobUpdateSummariesResult()
        ? r.getResult().getGetJobUpdateSummariesResult().getUpdateSummaries() : null;
    return found == null ? List.of() : found;
  }

  /**
   * The details of {@code key}.
   *
   * @throws ClientFailure 6 when the scheduler has no such update
   */
  JobUpdateDetails details(JobUpdateKey key) {
    Response r = scheduler.ok(api -> api.getJobUpdateDetails(null, new JobUpdateQuery().setKey(key)));
    GetJobUpdateDetailsResult result = r.isSetResult() && r.getResult().isSetGetJobUpdateDetailsResult()
        ? r.getResult().getGetJobUpdateDetailsResult() : new GetJobUpdateDetailsResult();
    if (result.getDetailsListSize() > 0) {
      return result.getDetailsList().get(0);
    }
    if (result.isSetDetails()) {
      return result.getDetails();
    }
    throw ClientFailure.invalidParameter("No update " + key.getId() + " found for "
        + UpdateText.job(key.getJob()));
  }
}
