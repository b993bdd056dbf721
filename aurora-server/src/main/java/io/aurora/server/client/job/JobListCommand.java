package io.aurora.server.client.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobStats;
import io.aurora.gen.JobSummary;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.cli.TextTable;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora job list}: the jobs a pattern names ({@code getJobSummary}), one {@code
 * CLUSTER/ROLE/ENV/NAME} a line as Aurora's client prints them; {@code --long} adds each job's
 * kind, instances and task counts as a table, {@code --write-json} prints the same for scripts.
 */
@Command(name = "list", sortOptions = false,
    description = "Lists the jobs of a cluster, role or environment: cron jobs and jobs with "
        + "active tasks.")
final class JobListCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CLUSTER[/ROLE[/ENV[/NAME]]]", converter = JobPattern.Converter.class,
      description = "Which jobs; role, environment and name may hold wildcards (* and ?).")
  JobPattern pattern;

  @Option(names = {"-l", "--long"},
      description = "A table: kind, instances, tasks by state, cron schedule.")
  boolean longFormat;

  @Option(names = "--write-json", description = "Print JSON for scripts.")
  boolean writeJson;

  private final ClientContext context;

  JobListCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    SchedulerCalls scheduler = context.scheduler(pattern.cluster());
    List<JobSummary> jobs = JobLookup.summaries(scheduler, pattern);
    PrintWriter out = context.out();
    if (writeJson) {
      ArrayNode all = JsonNodeFactory.instance.arrayNode();
      jobs.forEach(s -> all.add(json(s)));
      out.println(StructJson.pretty(all));
    } else if (longFormat) {
      TextTable table = new TextTable("JOB", "KIND", "INSTANCES", "PENDING", "ACTIVE", "FINISHED",
          "FAILED", "CRON", "NEXT RUN (UTC)");
      for (JobSummary s : jobs) {
        JobStats stats = s.getStats() == null ? new JobStats() : s.getStats();
        JobConfiguration job = s.getJob();
        table.row(path(job.getKey()), kind(job), job.getInstanceCount(),
            stats.getPendingTaskCount(), stats.getActiveTaskCount(), stats.getFinishedTaskCount(),
            stats.getFailedTaskCount(), job.getCronSchedule(),
            s.isSetNextCronRunMs() ? Instant.ofEpochMilli(s.getNextCronRunMs()) : null);
      }
      table.print(out);
    } else {
      jobs.forEach(s -> out.println(path(s.getJob().getKey())));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private ObjectNode json(JobSummary s) {
    JobConfiguration job = s.getJob();
    JobStats stats = s.getStats() == null ? new JobStats() : s.getStats();
    ObjectNode node = JsonNodeFactory.instance.objectNode()
        .put("job", path(job.getKey()))
        .put("kind", kind(job))
        .put("instances", job.getInstanceCount());
    node.putObject("tasks")
        .put("pending", stats.getPendingTaskCount())
        .put("active", stats.getActiveTaskCount())
        .put("finished", stats.getFinishedTaskCount())
        .put("failed", stats.getFailedTaskCount());
    if (job.isSetCronSchedule()) {
      node.put("cronSchedule", job.getCronSchedule());
    }
    if (s.isSetNextCronRunMs()) {
      node.put("nextCronRun", Instant.ofEpochMilli(s.getNextCronRunMs()).toString());
    }
    return node;
  }

  private String path(JobKey key) {
    return pattern.cluster() + "/" + key.getRole() + "/" + key.getEnvironment() + "/"
        + key.getName();
  }

  /** {@code cron}, {@code service} or {@code batch}. */
  static String kind(JobConfiguration job) {
    if (job.isSetCronSchedule() && !job.getCronSchedule().isBlank()) {
      return "cron";
    }
    return job.isSetTaskConfig() && job.getTaskConfig().isIsService() ? "service" : "batch";
  }
}
