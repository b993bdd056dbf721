package io.aurora.server.client.job;

import io.aurora.api.TaskQueries;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.Response;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.config.JobFile;
import io.aurora.server.client.config.JobFiles;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aurora job}: create a job from a file, count its tasks by status, kill it. */
@Command(name = "job", description = "Create, inspect and kill jobs.")
public final class JobCommand {
  /** The message the scheduler records with kills from this client. */
  static final String KILL_MESSAGE = "killed by bin/aurora";

  private final ClientContext context;

  JobCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Command(name = "create", sortOptions = false,
      description = "Creates a job from FILE, a JobConfiguration written "
      + "as JSON with the IDL's field names (e.g. docs/examples/hello-world.json).")
  int create(
      @Parameters(paramLabel = "CLUSTER/ROLE/ENV/NAME", converter = JobPath.Converter.class,
          description = "The job.")
      JobPath job,
      @Parameters(paramLabel = "FILE", description = "The job file.") Path file) {
    JobFile read = JobFiles.read(file, job);
    if (read.hasCronSchedule()) {
      // The scheduler refuses it too; saying which verb to use is more help than its refusal.
      throw new ClientFailure(ExitCodes.COMMAND_FAILURE, file + " has a cronSchedule: schedule "
          + "it with 'aurora cron schedule " + job + " " + file + "'");
    }
    JobConfiguration config = read.job();
    context.scheduler(job.cluster()).ok(api -> api.createJob(config));
    context.out().println("created " + job.job());
    return 0;
  }

  @Command(name = "status", sortOptions = false,
      description = "Counts the job's active tasks by status.")
  int status(
      @Parameters(paramLabel = "CLUSTER/ROLE/ENV/NAME", converter = JobPath.Converter.class,
          description = "The job.")
      JobPath job) {
    Response r = context.scheduler(job.cluster()).ok(
        api -> api.getTasksWithoutConfigs(TaskQueries.byJob(job.jobKey()).build()));
    Map<ScheduleStatus, Integer> counts = new EnumMap<>(ScheduleStatus.class);
    for (ScheduledTask t : r.getResult().getScheduleStatusResult().getTasks()) {
      counts.merge(t.getStatus(), 1, Integer::sum);
    }
    context.out().println(job.job() + ": " + (counts.isEmpty() ? "no tasks"
        : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "))));
    return 0;
  }

  @Command(name = "kill", sortOptions = false,
      description = "Kills the job's tasks: all of them, or INSTANCES.")
  int kill(
      @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME",
          converter = JobPath.Converter.class, description = "The job.") JobPath job,
      @Parameters(index = "1", arity = "0..1", paramLabel = "INSTANCES",
          converter = InstanceSpec.Converter.class,
          description = "Instance ids and ranges, e.g. 0,2-4 (default: every instance).")
      InstanceSpec instances) {
    Set<Integer> ids = instances == null ? null : new HashSet<>(instances.ids());
    SchedulerCalls scheduler = context.scheduler(job.cluster());
    scheduler.ok(api -> api.killTasks(job.jobKey(), ids, KILL_MESSAGE));
    context.out().println("kill requested for " + job.job());
    return 0;
  }
}
