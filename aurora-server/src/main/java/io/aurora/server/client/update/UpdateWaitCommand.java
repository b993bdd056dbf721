package io.aurora.server.client.update;

import io.aurora.gen.JobUpdateKey;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.SchedulerCalls;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aurora update wait}: follows an update until it ends; exit 0 only if it rolled forward. */
@Command(name = "wait", sortOptions = false,
    description = {"Waits for an update to end, showing its progress.",
    "Exits 0 when it rolled forward, 4 when it rolled back, 20 when it was aborted or failed."})
final class UpdateWaitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "KEY-OR-JOB", converter = UpdateTarget.Converter.class,
      description = "CLUSTER/ROLE/ENV/NAME/UPDATE_ID, or CLUSTER/ROLE/ENV/NAME for the job's "
          + "active update (else its most recent one).")
  UpdateTarget target;

  @Option(names = "--interval-secs", paramLabel = "N", defaultValue = "5",
      description = "Seconds between polls (default ${DEFAULT-VALUE}).")
  int intervalSecs;

  @Spec
  CommandSpec spec;

  private final ClientContext context;

  UpdateWaitCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    if (intervalSecs < 1) {
      throw new ParameterException(spec.commandLine(),
          "--interval-secs must be at least 1, got " + intervalSecs);
    }
    SchedulerCalls scheduler = context.scheduler(target.job().cluster());
    UpdateLookup lookup = new UpdateLookup(scheduler);
    JobUpdateKey key = lookup.activeOrLatest(target);
    return new UpdateWaiter(lookup, context.progressLine(), context.sleeper(),
        Duration.ofSeconds(intervalSecs)).await(key, UpdateText.key(target.job().cluster(), key));
  }
}
