package io.aurora.server.client.update;

import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdatePulseStatus;
import io.aurora.gen.Response;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.SchedulerCalls;
import java.util.Objects;
import org.apache.thrift.TException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora update}: start, watch and steer job updates. The steering verbs (pause, resume,
 * abort, rollback, pulse) are methods here; each takes KEY-OR-JOB, a job meaning its active update.
 */
@Command(name = "update",
    description = "Start, watch and steer rolling job updates.",
    subcommands = {UpdateStartCommand.class, UpdateWaitCommand.class, UpdateInfoCommand.class,
        UpdateListCommand.class})
public final class UpdateCommand {
  private static final String TARGET = "KEY-OR-JOB";
  private static final String TARGET_HELP = "CLUSTER/ROLE/ENV/NAME/UPDATE_ID, or "
      + "CLUSTER/ROLE/ENV/NAME for the job's active update";

  private final ClientContext context;

  UpdateCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /** One steering call on an update's key. */
  @FunctionalInterface
  private interface Steer {
    Response on(io.aurora.gen.AuroraAdmin.Iface api, JobUpdateKey key) throws TException;
  }

  @Command(name = "pause", sortOptions = false,
      description = "Pauses an update; resume continues it.")
  int pause(
      @Parameters(paramLabel = TARGET, description = TARGET_HELP,
          converter = UpdateTarget.Converter.class) UpdateTarget target,
      @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
          description = "Why, recorded with the update's event.") String message) {
    return steer(target, "paused", (api, key) -> api.pauseJobUpdate(key, message));
  }

  @Command(name = "resume", sortOptions = false, description = "Resumes a paused update.")
  int resume(
      @Parameters(paramLabel = TARGET, description = TARGET_HELP,
          converter = UpdateTarget.Converter.class) UpdateTarget target,
      @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
          description = "Why, recorded with the update's event.") String message) {
    return steer(target, "resumed", (api, key) -> api.resumeJobUpdate(key, message));
  }

  @Command(name = "abort", sortOptions = false,
      description = "Aborts an update: instances stay as they are.")
  int abort(
      @Parameters(paramLabel = TARGET, description = TARGET_HELP,
          converter = UpdateTarget.Converter.class) UpdateTarget target,
      @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
          description = "Why, recorded with the update's event.") String message) {
    return steer(target, "aborted", (api, key) -> api.abortJobUpdate(key, message));
  }

  @Command(name = "rollback", sortOptions = false,
      description = "Rolls an update back: updated instances return to their old config.")
  int rollback(
      @Parameters(paramLabel = TARGET, description = TARGET_HELP,
          converter = UpdateTarget.Converter.class) UpdateTarget target,
      @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
          description = "Why, recorded with the update's event.") String message) {
    return steer(target, "rolling back", (api, key) -> api.rollbackJobUpdate(key, message));
  }

  @Command(name = "pulse", sortOptions = false,
      description = "Pulses a coordinated update (one started with "
      + "blockIfNoPulsesAfterMs), letting it go on.")
  int pulse(
      @Parameters(paramLabel = TARGET, description = TARGET_HELP,
          converter = UpdateTarget.Converter.class) UpdateTarget target) {
    SchedulerCalls scheduler = context.scheduler(target.job().cluster());
    JobUpdateKey key = new UpdateLookup(scheduler).active(target);
    Response r = scheduler.ok(api -> api.pulseJobUpdate(key));
    String name = UpdateText.key(target.job().cluster(), key);
    boolean finished = r.isSetResult() && r.getResult().isSetPulseJobUpdateResult()
        && r.getResult().getPulseJobUpdateResult().getStatus() == JobUpdatePulseStatus.FINISHED;
    context.out().println(finished
        ? "update " + name + " has ended: the pulse changed nothing" : "update " + name + " pulsed");
    context.out().flush();
    return 0;
  }

  private int steer(UpdateTarget target, String done, Steer call) {
    SchedulerCalls scheduler = context.scheduler(target.job().cluster());
    JobUpdateKey key = new UpdateLookup(scheduler).active(target);
    scheduler.ok(api -> call.on(api, key));
    context.out().println("update " + UpdateText.key(target.job().cluster(), key) + " " + done);
    context.out().flush();
    return 0;
  }
}
