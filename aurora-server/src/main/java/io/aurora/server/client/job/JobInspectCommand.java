package io.aurora.server.client.job;

import io.aurora.gen.JobConfiguration;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.config.JobFile;
import io.aurora.server.client.config.JobFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  private final ClientContext context;

  JobInspectCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    // TODO(issue 13, after merging branch cli-files): take the job-file options there (--bind
    // NAME=VALUE, Aurora's job JSON) and read FILE with them, as the other file verbs will.
    JobFile read = JobFiles.read(file, job);
    JobConfiguration config = read.job();
    PrintWriter out = context.out();
    if (writeJson) {
      // TODO(issue 13, after merging branch cli-files): print Aurora's job JSON with
      // AuroraJobJson.write(JobConfiguration), the form Aurora's client writes and reads with
      // --read-json. Until then this is the IDL's JSON of the JobConfiguration (IdlJson's form).
      out.println(StructJson.compact(StructJson.of(config)));
    } else {
      new JobDescription(job, read).print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
