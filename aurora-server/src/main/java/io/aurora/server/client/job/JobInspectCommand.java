package io.aurora.server.client.job;

import io.aurora.gen.JobConfiguration;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.config.AuroraJobJson;
import io.aurora.server.client.config.JobFile;
import io.aurora.server.client.config.JobFileOptions;
import io.aurora.server.client.config.TierSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora job inspect}: reads a job file as {@code job create} would and shows the job it
 * describes ({@link JobDescription}), without asking the scheduler. {@code --write-json} prints
 * the job as JSON instead.
 */
@Command(name = "inspect", sortOptions = false,
    description = {"Shows the job that FILE describes, as job create would send it; asks no "
        + "scheduler.",
        "Exits 3 if FILE cannot be read as a job."})
final class JobInspectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME",
      converter = JobPath.Converter.class, description = "The job.")
  JobPath job;

  @Parameters(index = "1", paramLabel = "FILE", description = "The job file.")
  Path file;

  @Option(names = "--write-json",
      description = "Print the job as one line of JSON, a job file that job create reads back.")
  boolean writeJson;

  @Mixin
  JobFileOptions files = new JobFileOptions();

  private final ClientContext context;

  JobInspectCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    // Asks no scheduler: tiers of Aurora-form files are Aurora's stock ones.
    JobFile read = files.read(file, job, TierSource.STOCK);
    JobConfiguration config = read.job();
    PrintWriter out = context.out();
    if (writeJson) {
      // Aurora's job JSON, the form Aurora's client writes and reads back with --read-json.
      out.println(AuroraJobJson.write(read, job));
    } else {
      new JobDescription(job, read).print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
