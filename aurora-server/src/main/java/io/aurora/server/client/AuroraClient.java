package io.aurora.server.client;

import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.CommandFactory;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.Sleeper;
import io.aurora.server.client.cluster.ClusterFiles;
import io.aurora.server.client.config.ConfigCommand;
import io.aurora.server.client.cron.CronCommand;
import io.aurora.server.client.host.HostCommand;
import io.aurora.server.client.job.JobCommand;
import io.aurora.server.client.job.TaskCommand;
import io.aurora.server.client.backup.BackupCommand;
import io.aurora.server.client.backup.RecoveryCommand;
import io.aurora.server.client.backup.SnapshotCommand;
import io.aurora.server.client.quota.AdminCommand;
import io.aurora.server.client.quota.QuotaCommand;
import io.aurora.server.client.update.UpdateCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code bin/aurora}: a client of a scheduler's {@code /api}, as a picocli command tree {@code
 * aurora <noun> <verb>} ({@code job
 * create|status|list|inspect|diff|add|restart|kill|killall|open}, {@code task list}, {@code
 * update start|pause|resume|abort|rollback|pulse|list|info|wait}, {@code cron
 * schedule|deschedule|start|show}, {@code quota get}, {@code config list}, {@code admin
 * set-quota}, {@code host start-maintenance|drain|sla-drain|status|end}, {@code backup
 * now|list}, {@code recovery stage|query|delete-tasks|commit|unload}, {@code snapshot}). {@code
 * --help} works at every level.
 * A job's cluster is looked up in {@code clusters.json} ({@link ThriftConnector}).
 * Exit statuses are Aurora's client's ({@link ExitCodes}): 2 for a command line picocli cannot
 * parse; a {@link ClientFailure} prints its one line and exits with its status.
 */
@Command(name = "aurora", description = "Talks to an Aurora scheduler's /api.",
    subcommands = {JobCommand.class, TaskCommand.class, UpdateCommand.class, CronCommand.class,
        QuotaCommand.class, ConfigCommand.class, AdminCommand.class, HostCommand.class,
        BackupCommand.class, RecoveryCommand.class, SnapshotCommand.class},
    footerHeading = "%nExit status:%n",
    footer = {"  0 done; 2 bad command line; 3 bad job file, settings, cluster or clusters.json;",
        "  4 the goal was not reached (update rolled back, failed kill batches or restarts,",
        "  a job without tasks), a job file config list cannot read, or a cronSchedule",
        "  missing (cron schedule) or where none belongs (job create, update start);",
        "  6 no such job, instance, update or cron job, or a bad number; 7 scheduler",
        "  unreachable; 9 timed out; 10 the scheduler refused the call; 20 update aborted",
        "  or failed, or an unexpected error; 30 the scheduler refused our credentials",
        "  (HTTP 401/403); 130 interrupted."})
public final class AuroraClient {
  @Mixin
  final ConnectionOptions connection;

  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  boolean help;

  AuroraClient(ConnectionOptions connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  public static void main(String[] args) {
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    System.exit(run(args, System.getenv(), out, err, System.console() != null));
  }

  /** Runs one command line against the scheduler the options and {@code env} name. */
  static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err,
      boolean interactive) {
    ConnectionOptions options = new ConnectionOptions();
    ClientContext context = new ClientContext(new ThriftConnector(options, env,
        () -> ClusterFiles.load(env, Path.of(System.getProperty("user.home")))), out, err,
        interactive, Sleeper.system(), UUID::randomUUID, ZoneId.systemDefault(),
        Clock.systemUTC());
    return commandLine(options, context).execute(args);
  }

  /**
   * The command tree, its commands built with {@code context}; {@code options} receives the global
   * options (the context's connector may read them).
   */
  static CommandLine commandLine(ConnectionOptions options, ClientContext context) {
    CommandLine line = new CommandLine(new AuroraClient(options), new CommandFactory(context));
    line.setOut(context.out());
    line.setErr(context.err());
    line.setExecutionExceptionHandler((e, command, parsed) -> failed(e, context.err()));
    return line;
  }

  private static int failed(Exception e, PrintWriter err) {
    if (e instanceof ClientFailure failure) {
      failure.getMessage().lines().forEach(line -> err.println("aurora: " + line));
      err.flush();
      return failure.exitCode();
    }
    // Not the user's nor the network's doing: a bug, so the trace goes with it.
    err.println("aurora: unexpected error: " + e);
    e.printStackTrace(err);
    err.flush();
    return ExitCodes.UNKNOWN_ERROR;
  }
}
