package io.aurora.server.client.job;

import io.aurora.api.TaskQueries;
import io.aurora.gen.JobConfiguration;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.config.JobFile;
import io.aurora.server.client.config.JobFileOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora job create}: creates the job in a job file, optionally waits for its tasks, and,
 * as Aurora's client does, checks that the job has tasks before it reports success.
 */
@Command(name = "create", sortOptions = false,
    description = {"Creates a job from FILE, a JobConfiguration written as JSON with the IDL's "
        + "field names (e.g. docs/examples/hello-world.json).",
        "Exits 4 if FILE has a cronSchedule (use cron schedule) or the job has no tasks after."})
final class JobCreateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME",
      converter = JobPath.Converter.class, description = "The job.")
  JobPath job;

  @Parameters(index = "1", paramLabel = "FILE", description = "The job file.")
  Path file;

  @Option(names = "--wait-until", paramLabel = "STATE", defaultValue = "PENDING",
      description = "Wait until every instance is PENDING (created; the default), RUNNING "
          + "(running or ended) or FINISHED (ended).")
  WaitUntil waitUntil;

  @Mixin
  JobFileOptions files = new JobFileOptions();

  private final ClientContext context;

  JobCreateCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    SchedulerCalls scheduler = context.scheduler(job.cluster());
    JobFile read = files.read(file, job, scheduler);
    if (read.hasCronSchedule()) {
      // The scheduler refuses it too; saying which verb to use is more help than its refusal.
      throw new ClientFailure(ExitCodes.COMMAND_FAILURE, file + " has a cronSchedule: schedule "
          + "it with 'aurora cron schedule " + job + " " + file + "'");
    }
    JobConfiguration config = read.job();
    scheduler.ok(api -> api.createJob(config));
    if (waitUntil.waits()) {
      new TaskWaiter(scheduler, context.sleeper(), context.progressLine())
          .await(job, Optional.empty(), waitUntil.goal(), waitUntil::reached, false);
    }
    if (InstanceTasks.fetch(scheduler, TaskQueries.byJob(job.jobKey()).build()).isEmpty()) {
      throw new ClientFailure(ExitCodes.COMMAND_FAILURE,
          "the scheduler took " + job + " but it has no tasks");
    }
    PrintWriter out = context.out();
    out.println("created " + job.job());
    out.println(scheduler.handle().page(JobPages.job(job)));
    out.flush();
    return ExitCodes.OK;
  }
}
