package io.aurora.server.client.job;

import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.JobPath;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aurora job killall}: kills every active instance of a job ({@link KillBatches}). */
@Command(name = "killall", sortOptions = false,
    description = {"Kills every instance of a job, a batch at a time, waiting for each batch's "
        + "tasks to end.",
        "Exits 4 when more batches failed than --max-total-failures, 9 when --no-batching "
        + "tasks do not end in time (about 4 minutes)."})
final class JobKillallCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CLUSTER/ROLE/ENV/NAME", converter = JobPath.Converter.class,
      description = "The job.")
  JobPath job;

  @Mixin
  KillOptions options;

  private final ClientContext context;

  JobKillallCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    return new KillBatches(context, options).kill(job, Optional.empty(), false);
  }
}
