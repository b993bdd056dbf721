package io.aurora.server.client.cron;

import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseDetail;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.config.JobFile;
import io.aurora.server.client.config.JobFileOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora cron}: put a job on the scheduler's cron schedule, take it off, run it now, and
 * show its schedule ({@link CronShowCommand}). The writing verbs are methods here.
 */
@Command(name = "cron",
    description = "Schedule jobs to run on a cron schedule, deschedule them, run them now, "
        + "show their schedule.",
    subcommands = {CronShowCommand.class})
public final class CronCommand {
  /** What a job file needs for {@code cron schedule}, in the words of the error. */
  static final String NEEDS_SCHEDULE = "has no cronSchedule: a cron job needs one, e.g. "
      + "\"cronSchedule\": \"0 * * * *\" (use 'aurora job create' to run a job once)";

  private final ClientContext context;

  CronCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Command(name = "schedule", sortOptions = false,
      description = {"Schedules the job in FILE, which must carry a cronSchedule, to run on it; "
          + "replaces the job's schedule and template if it already has them.",
          "FILE is read as for job create (e.g. docs/examples/hello-cron.json); its "
          + "cronCollisionPolicy is KILL_EXISTING (the default) or CANCEL_NEW."})
  int schedule(
      @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME",
          converter = JobPath.Converter.class, description = "The job.") JobPath job,
      @Parameters(index = "1", paramLabel = "FILE", description = "The job file.") Path file,
      @Mixin JobFileOptions files) {
    SchedulerCalls scheduler = context.scheduler(job.cluster());
    JobFile read = files.read(file, job, scheduler);
    if (!read.hasCronSchedule()) {
      // Aurora's client calls this "cron misuse": the file is fine, the verb is the wrong one.
      throw new ClientFailure(ExitCodes.COMMAND_FAILURE, file + " " + NEEDS_SCHEDULE);
    }
    JobConfiguration config = read.job();
    Response r = scheduler.ok(api -> api.scheduleCronJob(config));
    CronCollisionPolicy policy = config.isSetCronCollisionPolicy()
        ? config.getCronCollisionPolicy() : CronCollisionPolicy.KILL_EXISTING;
    print("scheduled " + job.job() + ": '" + config.getCronSchedule() + "', " + policy, r);
    return ExitCodes.OK;
  }

  @Command(name = "deschedule", sortOptions = false,
      description = "Removes the job's cron schedule and template. Tasks of a run keep running "
          + "(kill them with job kill).")
  int deschedule(
      @Parameters(paramLabel = "CLUSTER/ROLE/ENV/NAME", converter = JobPath.Converter.class,
          description = "The job.") JobPath job) {
    Response r = context.scheduler(job.cluster()).ok(api -> api.descheduleCronJob(job.jobKey()));
    // An OK with a message is the scheduler saying there was nothing to remove; like Aurora's
    // client we exit 0, but we print its words instead of claiming we removed something.
    print(messages(r).isEmpty() ? "descheduled " + job.job() : null, r);
    return ExitCodes.OK;
  }

  @Command(name = "start", sortOptions = false,
      description = "Runs the cron job now, as its schedule would (its collision policy "
          + "applies); the schedule stays as it is.")
  int start(
      @Parameters(paramLabel = "CLUSTER/ROLE/ENV/NAME", converter = JobPath.Converter.class,
          description = "The job.") JobPath job) {
    Response r = context.scheduler(job.cluster()).ok(api -> api.startCronJob(job.jobKey()));
    // With a message the trigger did not start a run (CANCEL_NEW, or a KILL_EXISTING run that
    // waits for the previous one): the message says which, and "started" would be wrong.
    print(messages(r).isEmpty() ? "started a run of " + job.job() : null, r);
    return ExitCodes.OK;
  }

  /** Prints {@code done} (when not null), then each of the scheduler's messages on its own line. */
  private void print(String done, Response r) {
    PrintWriter out = context.out();
    if (done != null) {
      out.println(done);
    }
    messages(r).forEach(out::println);
    out.flush();
  }

  private static List<String> messages(Response r) {
    return r.getDetails() == null ? List.of()
        : r.getDetails().stream().map(ResponseDetail::getMessage).filter(Objects::nonNull).toList();
  }
}
