package io.aurora.server.client.backup;

import io.aurora.gen.Response;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ExitCodes;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aurora snapshot CLUSTER}: the leader writes a snapshot to its log now. */
@Command(name = "snapshot", description = "Makes the leader write a snapshot of its state to the"
    + " replicated log now and truncate the log before it (it also does so every"
    + " -dlog_snapshot_interval).")
public final class SnapshotCommand implements java.util.concurrent.Callable<Integer> {
  private final ClientContext context;

  @Parameters(paramLabel = "CLUSTER", description = "The cluster.")
  String cluster;

  SnapshotCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Response r = context.scheduler(cluster).ok(api -> api.snapshot());
    BackupReplies.print(context.out(), r, "snapshot written");
    return ExitCodes.OK;
  }
}
