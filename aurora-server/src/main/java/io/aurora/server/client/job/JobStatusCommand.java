package io.aurora.server.client.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.JobKey;
import io.aurora.gen.PendingReason;
import io.aurora.gen.Response;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.cli.TextTable;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora job status}: for each job the pattern names, its tasks counted by status, then one
 * row per instance (its newest task): status, host, how long it has been in that status, its
 * failure count and, for a pending task, why it is not placed ({@code getPendingReason}). With
 * {@code --write-json}, Aurora's client's form: a list of {@code {"job", "active", "inactive"}}
 * with every task as Thrift JSON, pending ones carrying a {@code pendingReason}.
 */
@Command(name = "status", sortOptions = false,
    description = {"Shows the job's instances: status, host, time in that status, failures, "
        + "and why a pending one waits.",
        "Exits 6 if no job matches (with --write-json: prints an error object, exits 0)."})
final class JobStatusCommand implements Callable<Integer> {
  /** What {@code --write-json} prints when nothing matches, in Aurora's client's words. */
  static final String NO_MATCH = "No matching jobs found";

  @Parameters(paramLabel = "CLUSTER[/ROLE[/ENV[/NAME]]]", converter = JobPattern.Converter.class,
      description = "The job, or the jobs of a role or environment; role, environment and name "
          + "may hold wildcards (* and ?).")
  JobPattern pattern;

  @Option(names = "--write-json", description = "Print JSON for scripts instead of tables.")
  boolean writeJson;

  private final ClientContext context;

  JobStatusCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    SchedulerCalls scheduler = context.scheduler(pattern.cluster());
    List<JobKey> jobs = JobLookup.matching(scheduler, pattern);
    Map<JobKey, List<ScheduledTask>> tasksByJob = new LinkedHashMap<>();
    jobs.forEach(job -> tasksByJob.put(job, new ArrayList<>()));
    if (!jobs.isEmpty()) {
      for (ScheduledTask t : InstanceTasks.fetch(scheduler, TaskQueries.byJobs(jobs).build())) {
        // The scheduler always sends the task's job; the first job asked for stands in if not.
        JobKey key = t.getAssignedTask().isSetTask() && t.getAssignedTask().getTask().isSetJob()
            ? Tasks.jobKey(t) : jobs.get(0);
        tasksByJob.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
      }
    }
    tasksByJob.values().removeIf(List::isEmpty);
    PrintWriter out = context.out();
    if (tasksByJob.isEmpty()) {
      if (writeJson) {
        ObjectNode error = JsonNodeFactory.instance.objectNode()
            .put("jobspec", pattern.toString()).put("error", NO_MATCH);
        out.println(StructJson.compact(error));
        out.flush();
        return ExitCodes.OK;
      }
      throw ClientFailure.invalidParameter("found no job matching " + pattern);
    }
    Map<String, String> reasons = pendingReasons(scheduler, tasksByJob);
    if (writeJson) {
      ArrayNode all = JsonNodeFactory.instance.arrayNode();
      tasksByJob.forEach((job, tasks) -> all.add(json(job, tasks, reasons)));
      out.println(StructJson.pretty(all));
    } else {
      boolean first = true;
      for (Map.Entry<JobKey, List<ScheduledTask>> e : tasksByJob.entrySet()) {
        if (!first) {
          out.println();
        }
        first = false;
        print(out, e.getKey(), e.getValue(), reasons);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void print(PrintWriter out, JobKey job, List<ScheduledTask> tasks,
      Map<String, String> reasons) {
    out.println(job.getRole() + "/" + job.getEnvironment() + "/" + job.getName() + ": "
        + InstanceTasks.counts(InstanceTasks.countByStatus(tasks)));
    TextTable table = new TextTable("INSTANCE", "STATUS", "HOST", "IN STATE", "FAILURES",
        "PENDING REASON");
    Instant now = context.clock().instant();
    InstanceTasks.newestByInstance(tasks).forEach((instance, t) -> table.row(instance,
        t.getStatus(), t.getAssignedTask().getSlaveHost(),
        InstanceTasks.since(t).map(since -> elapsed(Duration.between(since, now))).orElse(null),
        t.getFailureCount(), blankToNull(reasons.get(Tasks.id(t)))));
    table.print(out);
  }

  private ObjectNode json(JobKey job, List<ScheduledTask> tasks, Map<String, String> reasons) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("job", pattern.cluster() + "/" + job.getRole() + "/" + job.getEnvironment() + "/"
        + job.getName());
    ArrayNode active = node.putArray("active");
    ArrayNode inactive = node.putArray("inactive");
    List<ScheduledTask> sorted = new ArrayList<>(tasks);
    sorted.sort(Comparator.comparingInt(Tasks::instanceId).thenComparing(Tasks::id));
    for (ScheduledTask t : sorted) {
      ObjectNode task = StructJson.of(t);
      if (reasons.containsKey(Tasks.id(t))) {
        task.put("pendingReason", reasons.get(Tasks.id(t)));
      }
      (Tasks.isActive(t.getStatus()) ? active : inactive).add(task);
    }
    return node;
  }

  /** Why each pending task waits, by task id (asked only when some task is pending). */
  private static Map<String, String> pendingReasons(SchedulerCalls scheduler,
      Map<JobKey, List<ScheduledTask>> tasksByJob) {
    List<JobKey> pending = tasksByJob.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(t -> t.getStatus() == ScheduleStatus.PENDING))
        .map(Map.Entry::getKey).toList();
    Map<String, String> reasons = new HashMap<>();
    if (pending.isEmpty()) {
      return reasons;
    }
    Response r = scheduler.ok(api -> api.getPendingReason(TaskQueries.byJobs(pending).build()));
    if (r.getResult().getGetPendingReasonResult().getReasons() != null) {
      for (PendingReason reason : r.getResult().getGetPendingReasonResult().getReasons()) {
        reasons.put(reason.getTaskId(), reason.getReason());
      }
    }
    return reasons;
  }

  /** {@code 42s}, {@code 3m07s}, {@code 2h05m}, {@code 4d03h}. */
  static String elapsed(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format("%dm%02ds", s / 60, s % 60);
    }
    if (s < 86_400) {
      return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
    }
    return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3600);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
