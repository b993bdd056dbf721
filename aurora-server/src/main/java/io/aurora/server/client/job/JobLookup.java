package io.aurora.server.client.job;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobSummary;
import io.aurora.gen.Response;
import io.aurora.server.client.cli.SchedulerCalls;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the jobs a {@link JobPattern} names. A pattern that names one job exactly is that job,
 * without asking; otherwise the scheduler's jobs ({@code getJobs} or {@code getJobSummary}, of the
 * role when the pattern names one) are filtered by the pattern. As with Aurora's client, the
 * scheduler's jobs are its cron jobs and the jobs with active tasks.
 */
final class JobLookup {
  private static final Comparator<JobKey> ORDER = Comparator.comparing(JobKeys::canonicalString);

  private JobLookup() {}

  /** The keys of the jobs {@code pattern} names, in order. */
  static List<JobKey> matching(SchedulerCalls scheduler, JobPattern pattern) {
    if (pattern.exactJob().isPresent()) {
      return List.of(pattern.exactJob().get().jobKey());
    }
    String role = pattern.exactRole().orElse(null);
    Response r = scheduler.ok(api -> api.getJobs(role));
    Set<JobConfiguration> configs = r.getResult().getGetJobsResult().getConfigs();
    return configs == null ? List.of() : configs.stream().map(JobConfiguration::getKey)
        .filter(pattern::matches).sorted(ORDER).toList();
  }

  /** Summaries of the jobs {@code pattern} names, in the order of their keys. */
  static List<JobSummary> summaries(SchedulerCalls scheduler, JobPattern pattern) {
    String role = pattern.exactRole().orElse(null);
    Response r = scheduler.ok(api -> api.getJobSummary(role));
    Set<JobSummary> summaries = r.getResult().getJobSummaryResult().getSummaries();
    return summaries == null ? List.of() : summaries.stream()
        .filter(s -> pattern.matches(s.getJob().getKey()))
        .sorted(Comparator.comparing(s -> s.getJob().getKey(), ORDER)).toList();
  }
}
