package io.aurora.server.client.backup;

import io.aurora.gen.Response;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aurora backup now|list}: write a backup of the scheduler's state now, list backups. */
@Command(name = "backup",
    description = "Write a backup of the scheduler's state now, or list the backups it keeps in"
        + " its -backup_dir.")
public final class BackupCommand {
  private final ClientContext context;

  BackupCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Command(name = "now", description = "Writes a backup now (the leader also writes one every"
      + " -backup_interval) and prints its name.")
  int now(@Parameters(paramLabel = "CLUSTER", description = "The cluster.") String cluster) {
    Response r = context.scheduler(cluster).ok(api -> api.performBackup());
    BackupReplies.print(context.out(), r, "backup written");
    return ExitCodes.OK;
  }

  @Command(name = "list", description = "Lists the backups in the leader's -backup_dir, oldest"
      + " first: the names recovery stage takes.")
  int list(@Parameters(paramLabel = "CLUSTER", description = "The cluster.") String cluster) {
    Response r = context.scheduler(cluster).ok(api -> api.listBackups());
    List<String> names = r.getResult().getListBackupsResult().getBackups().stream().sorted()
        .toList();
    PrintWriter out = context.out();
    names.forEach(out::println);
    if (names.isEmpty()) {
      out.println("no backups yet");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
