package io.aurora.server.client.config;

import io.aurora.gen.GetTierConfigResult;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.SchedulerCalls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of every verb that reads a job file, as a picocli {@code @Mixin}: {@code --bind
 * NAME=VALUE} (repeatable) and {@code --read-json} (accepted so Aurora's client's scripts run
 * unchanged: job files are always JSON here). A verb reads its file with {@link #read}.
 *
 * <pre>{@code
 * @Mixin JobFileOptions files;
 * ...
 * JobFile file = files.read(path, job, context.scheduler(job.cluster()));
 * }</pre>
 */
public final class JobFileOptions {
  @Option(names = "--bind", paramLabel = "NAME=VALUE",
      description = "Fill {{NAME}} in the job file with VALUE (repeatable).")
  List<String> binds = new ArrayList<>();

  @Option(names = "--read-json",
      description = "Accepted for Aurora's client's scripts: job files are always JSON here.")
  boolean readJson;

  /**
   * The {@code --bind} values.
   *
   * @throws ClientFailure a usage error (exit 2) when one is not {@code NAME=VALUE}
   */
  public Bindings bindings() {
    try {
      return Bindings.parse(binds);
    } catch (IllegalArgumentException e) {
      throw new ClientFailure(ExitCodes.USAGE, e.getMessage());
    }
  }

  /**
   * Reads {@code file} for {@code job} with these bindings; a file in Aurora's form has its tier
   * backfilled from {@code scheduler}'s tiers ({@code getTierConfigs}, called only then).
   *
   * @throws ClientFailure naming the file and the problem (exit 3), or the scheduler's failure
   */
  public JobFile read(Path file, JobPath job, SchedulerCalls scheduler) {
    return read(file, job, () -> tiers(scheduler));
  }

  /** Reads {@code file} for {@code job} with these bindings and {@code tiers}. */
  public JobFile read(Path file, JobPath job, TierSource tiers) {
    return JobFiles.read(file, job, bindings(), tiers);
  }

  private static GetTierConfigResult tiers(SchedulerCalls scheduler) {
    return scheduler.ok(api -> api.getTierConfigs()).getResult().getGetTierConfigResult();
  }
}
