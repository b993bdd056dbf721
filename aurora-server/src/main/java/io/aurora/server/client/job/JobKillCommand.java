package io.aurora.server.client.job;

import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.InstanceSpec;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aurora job kill}: kills some instances of a job ({@link KillBatches}). Aurora's client
 * requires the instances; ours also takes a bare job (every instance, as {@code killall}) and the
 * instances as a second argument, the forms {@code bin/aurora} took before.
 */
@Command(name = "kill", sortOptions = false,
    description = {"Kills instances of a job, a batch at a time, waiting for each batch's tasks "
        + "to end.",
        "Exits 4 when more batches failed than --max-total-failures, 9 when --no-batching "
        + "tasks do not end in time (about 4 minutes)."})
final class JobKillCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME/INSTANCES",
      converter = JobInstances.Converter.class,
      description = "The job and its instances, e.g. local/www/prod/hello/0-2,5 (without "
          + "INSTANCES: every instance).")
  JobInstances target;

  @Parameters(index = "1", arity = "0..1", paramLabel = "INSTANCES",
      converter = InstanceSpec.Converter.class, hidden = true,
      description = "The instances, the older form of .../NAME/INSTANCES.")
  InstanceSpec instances;

  @Option(names = "--strict",
      description = "Fail (exit 6) if any of INSTANCES is not active.")
  boolean strict;

  @Mixin
  KillOptions options;

  @Spec
  CommandSpec spec;

  private final ClientContext context;

  JobKillCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    if (instances != null && target.instances().isPresent()) {
      throw new ParameterException(spec.commandLine(), "instances given twice: '" + target
          + "' and '" + instances + "'");
    }
    Optional<InstanceSpec> requested =
        instances != null ? Optional.of(instances) : target.instances();
    return new KillBatches(context, options).kill(target.job(), requested, strict);
  }
}
