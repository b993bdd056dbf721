package io.aurora.server;

import java.io.PrintStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of {@code bin/aurora-scheduler}. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line and returns the process exit status: 0 after help, 1 for a bad command
   * line (after printing one line to {@code err}).
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    ServerCommandLine.Outcome outcome = ServerCommandLine.parse(args);
    if (outcome instanceof ServerCommandLine.Help) {
      out.print(((ServerCommandLine.Help) outcome).text());
      out.flush();
      return 0;
    }
    if (outcome instanceof ServerCommandLine.Fail) {
      err.println("aurora-scheduler: " + ((ServerCommandLine.Fail) outcome).message());
      err.flush();
      return 1;
    }
    ServerOptions options = ((ServerCommandLine.Run) outcome).options();
    LOG.info("Aurora scheduler flags:");
    for (Map.Entry<String, String> flag : options.flags().values().entrySet()) {
      LOG.info("  {}={}", flag.getKey(), flag.getValue());
    }
    // TODO(issue 7, lead): assemble the SchedulerComponent and run the lifecycle here.
    err.println("aurora-scheduler: the flags are valid, but the scheduler daemon is not assembled yet"
        + " (it arrives with issue 7)");
    err.flush();
    return 1;
  }
}
