package io.aurora.scheduling.thrift;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.ConfigGroup;
import io.aurora.gen.ConfigSummary;
import io.aurora.gen.ConfigSummaryResult;
import io.aurora.gen.GetJobsResult;
import io.aurora.gen.GetPendingReasonResult;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobStats;
import io.aurora.gen.JobSummary;
import io.aurora.gen.JobSummaryResult;
import io.aurora.gen.PendingReason;
import io.aurora.gen.Range;
import io.aurora.gen.Response;
import io.aurora.gen.Result;
import io.aurora.gen.RoleSummary;
import io.aurora.gen.RoleSummaryResult;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduleStatusResult;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskQuery;
import io.aurora.scheduling.filter.Veto;
import io.aurora.storage.Storage;
import io.aurora.storage.StoreProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The read-only queries of {@code ReadOnlyScheduler} (quota aside): tasks, jobs, summaries,
 * pending reasons, tiers, and the (still empty) job update diff. Each answer comes from one read
 * transaction ({@link UpdateReadApi} has the other job update reads).
 *
 * <p>A non-cron job exists while it has tasks; its configuration is that of its newest active
 * task with the instance count of its active tasks, as in Aurora. A cron job is its template,
 * and its summary says when it runs next.
 */
public final class ReadApi {
  private final Storage storage;
  private final ApiOptions options;
  private final Supplier<Map<TaskConfig, Veto>> pendingReasons;
  private final Function<JobConfiguration, Optional<Instant>> nextCronRun;

  /**
   * @param pendingReasons the scheduling loop's latest vetoes per pending task config
   * @param nextCronRun when a cron template runs next ({@code JobSummary.nextCronRunMs})
   */
  public ReadApi(Storage storage, ApiOptions options, Supplier<Map<TaskConfig, Veto>> pendingReasons,
      Function<JobConfiguration, Optional<Instant>> nextCronRun) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.options = Objects.requireNonNull(options, "options");
    this.pendingReasons = Objects.requireNonNull(pendingReasons, "pendingReasons");
    this.nextCronRun = Objects.requireNonNull(nextCronRun, "nextCronRun");
  }

  public Response getTasksStatus(TaskQuery query) {
    return Responses.ok(Result.scheduleStatusResult(new ScheduleStatusResult(fetch(query))));
  }

  public Response getTasksWithoutConfigs(TaskQuery query) {
    List<ScheduledTask> tasks = fetch(query);
    for (ScheduledTask t : tasks) {
      TaskConfig config = t.getAssignedTask().getTask().deepCopy();
      if (config.isSetExecutorConfig()) {
        config.getExecutorConfig().setData("");
      }
      t.getAssignedTask().setTask(config);
    }
    return Responses.ok(Result.scheduleStatusResult(new ScheduleStatusResult(tasks)));
  }

  public Response getPendingReason(TaskQuery query) {
    RequestChecks.checkQuery(query);
    InvalidRequestException.check(!query.isSetStatuses() || query.getStatuses().isEmpty(),
        "query.statuses may not be set: only PENDING tasks have a pending reason");
    TaskQuery pending = query.deepCopy().setStatuses(Set.of(ScheduleStatus.PENDING));
    Map<TaskConfig, Veto> reasons = pendingReasons.get();
    Set<PendingReason> out = new HashSet<>();
    for (ScheduledTask t : fetch(pending)) {
      Veto veto = reasons.get(t.getAssignedTask().getTask());
      out.add(new PendingReason(t.getAssignedTask().getTaskId(), veto == null ? "" : veto.reason()));
    }
    return Responses.ok(Result.getPendingReasonResult(new GetPendingReasonResult(out)));
  }

  public Response getConfigSummary(JobKey job) {
    RequestChecks.checkJobKey("job", job);
    List<ScheduledTask> active = storage.read(s -> s.taskStore().fetchTasks(
        TaskQueries.byJob(job).statuses(Tasks.ACTIVE_STATES).build()));
    Map<TaskConfig, TreeSet<Integer>> byConfig = new LinkedHashMap<>();
    for (ScheduledTask t : active) {
      byConfig.computeIfAbsent(t.getAssignedTask().getTask(), k -> new TreeSet<>())
          .add(t.getAssignedTask().getInstanceId());
    }
    Set<ConfigGroup> groups = new HashSet<>();
    byConfig.forEach((config, instances) -> groups.add(new ConfigGroup(config, ranges(instances))));
    return Responses.ok(Result.configSummaryResult(
        new ConfigSummaryResult(new ConfigSummary(job, groups))));
  }

  /** Jobs of {@code ownerRole}, or of every role if it is null. */
  public Response getJobs(String ownerRole) {
    if (ownerRole != null) {
      RequestChecks.checkRole("ownerRole", ownerRole);
    }
    Set<JobConfiguration> configs = storage.read(s -> new HashSet<>(jobs(s, ownerRole).values()));
    return Responses.ok(Result.getJobsResult(new GetJobsResult(configs)));
  }

  /** Summaries of the jobs of {@code role}, or of every role if it is null. */
  public Response getJobSummary(String role) {
    if (role != null) {
      RequestChecks.checkRole("role", role);
    }
    Set<JobSummary> summaries = storage.read(s -> {
      Set<JobSummary> out = new HashSet<>();
      jobs(s, role).forEach((key, config) -> out.add(new JobSummary(config, stats(s, key))));
      return out;
    });
    for (JobSummary summary : summaries) {
      if (CronApi.isCron(summary.getJob())) {
        nextCronRun.apply(summary.getJob())
            .ifPresent(next -> summary.setNextCronRunMs(next.toEpochMilli()));
      }
    }
    return Responses.ok(Result.jobSummaryResult(new JobSummaryResult(summaries)));
  }

  public Response getRoleSummary() {
    Set<RoleSummary> roles = storage.read(s -> {
      Map<String, int[]> counts = new TreeMap<>();
      jobs(s, null).keySet().forEach(k -> counts.computeIfAbsent(k.getRole(), r -> new int[2])[0]++);
      s.cronJobStore().fetchJobs()
          .forEach(j -> counts.computeIfAbsent(j.getKey().getRole(), r -> new int[2])[1]++);
      Set<RoleSummary> out = new HashSet<>();
      counts.forEach((role, c) -> out.add(new RoleSummary(role, c[0], c[1])));
      return out;
    });
    return Responses.ok(Result.roleSummaryResult(new RoleSummaryResult(roles)));
  }

  public Response getTierConfigs() {
    return Responses.ok(Result.getTierConfigResult(options.tiers().toResult()));
  }

  private List<ScheduledTask> fetch(TaskQuery query) {
    TaskQuery checked = RequestChecks.checkQuery(query);
    if (RequestChecks.selectsNothing(checked)) {
      return new ArrayList<>();
    }
    return storage.read(s -> s.taskStore().fetchTasks(checked));
  }

  /** Jobs of {@code role} (all if null): cron templates and jobs with active tasks. */
  static Map<JobKey, JobConfiguration> jobs(StoreProvider stores, String role) {
    Map<JobKey, JobConfiguration> out = new HashMap<>();
    TaskQuery query = (role == null ? TaskQueries.all() : TaskQueries.byRole(role))
        .statuses(Tasks.ACTIVE_STATES).build();
    Map<JobKey, ScheduledTask> newest = new HashMap<>();
    Map<JobKey, Integer> counts = new HashMap<>();
    for (ScheduledTask t : stores.taskStore().fetchTasks(query)) {
      JobKey key = t.getAssignedTask().getTask().getJob();
      counts.merge(key, 1, Integer::sum);
      newest.merge(key, t, (a, b) -> lastEventTime(b) > lastEventTime(a) ? b : a);
    }
    newest.forEach((key, t) -> {
      TaskConfig config = t.getAssignedTask().getTask();
      out.put(key, new JobConfiguration().setKey(key).setOwner(config.getOwner())
          .setTaskConfig(config).setInstanceCount(counts.get(key)));
    });
    for (JobConfiguration cron : stores.cronJobStore().fetchJobs()) {
      if (role == null || cron.getKey().getRole().equals(role)) {
        out.put(cron.getKey(), cron);
      }
    }
    return out;
  }

  private static JobStats stats(StoreProvider stores, JobKey key) {
    JobStats stats = new JobStats(0, 0, 0, 0);
    for (ScheduledTask t : stores.taskStore().fetchTasks(TaskQueries.byJob(key).build())) {
      switch (t.getStatus()) {
        case PENDING, THROTTLED, INIT -> stats.setPendingTaskCount(stats.getPendingTaskCount() + 1);
        case FINISHED, KILLED -> stats.setFinishedTaskCount(stats.getFinishedTaskCount() + 1);
        case FAILED, LOST -> stats.setFailedTaskCount(stats.getFailedTaskCount() + 1);
        default -> stats.setActiveTaskCount(stats.getActiveTaskCount() + 1);
      }
    }
    return stats;
  }

  private static long lastEventTime(ScheduledTask t) {
    return t.isSetTaskEvents() && !t.getTaskEvents().isEmpty()
        ? t.getTaskEvents().get(t.getTaskEvents().size() - 1).getTimestamp() : 0;
  }

  /** Closed ranges covering sorted instance ids. */
  static Set<Range> ranges(TreeSet<Integer> ids) {
    Set<Range> out = new HashSet<>();
    Integer start = null;
    Integer prev = null;
    for (int id : ids) {
      if (start == null) {
        start = id;
      } else if (id != prev + 1) {
        out.add(new Range(start, prev));
        start = id;
      }
      prev = id;
    }
    if (start != null) {
      out.add(new Range(start, prev));
    }
    return out;
  }
}
