package io.aurora.server.client.config;

import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aurora config}: what a job file holds, without a scheduler. */
@Command(name = "config", description = "Inspect job files.")
public final class ConfigCommand {
  private final ClientContext context;

  ConfigCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Command(name = "list", sortOptions = false,
      description = {"Lists the jobs FILE defines, as Aurora's client does: "
          + "jobs=[CLUSTER/ROLE/ENV/NAME, ...].",
          "FILE is in Aurora's job JSON form (one job, or {\"jobs\": [...]}); a file in the "
          + "IDL's form names no cluster and is refused."})
  int list(
      @Parameters(paramLabel = "FILE", description = "The job file.") Path file,
      @Mixin JobFileOptions options) {
    List<String> jobs;
    try {
      jobs = JobFiles.jobKeys(file, options.bindings());
    } catch (ClientFailure e) {
      // Aurora's client exits 4 when config list cannot load the file.
      throw e.exitCode() == ExitCodes.INVALID_CONFIGURATION
          ? new ClientFailure(ExitCodes.COMMAND_FAILURE, e.getMessage(), e) : e;
    }
    context.out().println("jobs=[" + String.join(", ", jobs) + "]");
    context.out().flush();
    return ExitCodes.OK;
  }
}
