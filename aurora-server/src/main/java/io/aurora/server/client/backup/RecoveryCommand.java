package io.aurora.server.client.backup;

import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.TextTable;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora recovery stage|query|delete-tasks|commit|unload}: restore the scheduler's state
 * from one of its backups. A staged backup is held apart from the live state until it is
 * committed; committing replaces the live state and restarts the leader.
 */
@Command(name = "recovery",
    description = {"Restore the scheduler's state from a backup: stage it, look at it, delete"
        + " tasks from it, then commit it (or unload it).",
        "Committing replaces everything the scheduler knows with the backup and restarts the"
        + " leader; tasks started after the backup are then killed by reconciliation."})
public final class RecoveryCommand {
  private final ClientContext context;

  RecoveryCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Command(name = "stage", description = "Loads BACKUP (a name from backup list) as the staged"
      + " recovery. One recovery is staged at a time; a truncated or corrupt backup is refused.")
  int stage(
      @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster,
      @Parameters(index = "1", paramLabel = "BACKUP", description = "The backup's name.")
          String backup) {
    Response r = context.scheduler(cluster).ok(api -> api.stageRecovery(backup));
    BackupReplies.print(context.out(), r, "staged " + backup);
    return ExitCodes.OK;
  }

  @Command(name = "query", description = "Lists the staged recovery's tasks, all of them or"
      + " those of ROLE, ROLE/ENV or ROLE/ENV/NAME.")
  int query(
      @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster,
      @Parameters(index = "1", arity = "0..1", paramLabel = "JOB",
          description = "ROLE, ROLE/ENV or ROLE/ENV/NAME.") String job) {
    TaskQuery query = RecoveryTaskSelector.query(Optional.ofNullable(job), List.of());
    Response r = context.scheduler(cluster).ok(api -> api.queryRecovery(query));
    List<ScheduledTask> tasks = r.getResult().getQueryRecoveryResult().getTasks().stream()
        .sorted(Comparator.comparing((ScheduledTask t) -> jobPath(t))
            .thenComparingInt(t -> t.getAssignedTask().getInstanceId()))
        .toList();
    PrintWriter out = context.out();
    if (tasks.isEmpty()) {
      out.println("no tasks");
    } else {
      TextTable table = new TextTable("JOB", "INSTANCE", "STATUS", "TASK ID");
      for (ScheduledTask t : tasks) {
        table.row(jobPath(t), t.getAssignedTask().getInstanceId(), t.getStatus(),
            t.getAssignedTask().getTaskId());
      }
      table.print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  @Command(name = "delete-tasks", description = "Deletes tasks from the staged recovery (never"
      + " from the live state): those of ROLE, ROLE/ENV or ROLE/ENV/NAME, or with the given ids.")
  int deleteTasks(
      @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster,
      @Parameters(index = "1", arity = "0..1", paramLabel = "JOB",
          description = "ROLE, ROLE/ENV or ROLE/ENV/NAME.") String job,
      @Option(names = "--task-id", paramLabel = "ID", description = "A task id (repeatable).")
          List<String> taskIds) {
    TaskQuery query = RecoveryTaskSelector.query(Optional.ofNullable(job), taskIds);
    if (RecoveryTaskSelector.selectsAll(query)) {
      throw ClientFailure.invalidParameter("name the tasks to delete: a JOB (ROLE, ROLE/ENV or"
          + " ROLE/ENV/NAME) or --task-id");
    }
    Response r = context.scheduler(cluster).ok(api -> api.deleteRecoveryTasks(query));
    BackupReplies.print(context.out(), r, "deleted");
    return ExitCodes.OK;
  }

  @Command(name = "commit", description = {"Makes the staged recovery the scheduler's state:"
      + " it is written to the replicated log, and the leader restarts so that the next leader"
      + " loads it.",
      "Everything since the backup is lost; tasks started after it are killed by"
      + " reconciliation."})
  int commit(
      @Parameters(paramLabel = "CLUSTER", description = "The cluster.") String cluster) {
    Response r = context.scheduler(cluster).ok(api -> api.commitRecovery());
    BackupReplies.print(context.out(), r, "committed");
    return ExitCodes.OK;
  }

  @Command(name = "unload", description = "Discards the staged recovery; the live state is"
      + " untouched.")
  int unload(
      @Parameters(paramLabel = "CLUSTER", description = "The cluster.") String cluster) {
    Response r = context.scheduler(cluster).ok(api -> api.unloadRecovery());
    BackupReplies.print(context.out(), r, "unloaded");
    return ExitCodes.OK;
  }

  private static String jobPath(ScheduledTask t) {
    JobKey k = t.getAssignedTask().getTask().getJob();
    return k.getRole() + "/" + k.getEnvironment() + "/" + k.getName();
  }
}
