package io.aurora.server.client.job;

import io.aurora.api.TaskQueries;
import io.aurora.gen.Response;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.JobPath;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aurora task}: the tasks of a job. */
@Command(name = "task", description = "Inspect a job's tasks.")
public final class TaskCommand {
  private final ClientContext context;

  TaskCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Command(name = "list", sortOptions = false,
      description = "Lists every task of the job: instance, status, host, since when, task id.")
  int list(
      @Parameters(paramLabel = "CLUSTER/ROLE/ENV/NAME", converter = JobPath.Converter.class,
          description = "The job.")
      JobPath job) {
    Response r = context.scheduler(job.cluster()).ok(
        api -> api.getTasksWithoutConfigs(TaskQueries.byJob(job.jobKey()).build()));
    List<ScheduledTask> tasks = new ArrayList<>(r.getResult().getScheduleStatusResult().getTasks());
    tasks.sort(Comparator.comparingInt((ScheduledTask t) -> t.getAssignedTask().getInstanceId())
        .thenComparing(t -> t.getAssignedTask().getTaskId()));
    PrintWriter out = context.out();
    out.printf("%-9s %-10s %-20s %-24s %s%n", "INSTANCE", "STATUS", "HOST", "SINCE", "TASK ID");
    for (ScheduledTask t : tasks) {
      List<TaskEvent> events = t.getTaskEvents();
      String since = events == null || events.isEmpty() ? ""
          : Instant.ofEpochMilli(events.get(events.size() - 1).getTimestamp()).toString();
      String host = t.getAssignedTask().getSlaveHost();
      out.printf("%-9d %-10s %-20s %-24s %s%n", t.getAssignedTask().getInstanceId(), t.getStatus(),
          host == null ? "-" : host, since, t.getAssignedTask().getTaskId());
    }
    out.flush();
    return 0;
  }
}
