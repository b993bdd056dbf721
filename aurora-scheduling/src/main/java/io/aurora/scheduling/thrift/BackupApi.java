package io.aurora.scheduling.thrift;

import io.aurora.gen.ListBackupsResult;
import io.aurora.gen.QueryRecoveryResult;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.Result;
import io.aurora.gen.TaskQuery;
import io.aurora.storage.StorageException;
import io.aurora.storage.TransientStorageException;
import io.aurora.storage.backup.RecoveryException;
import io.aurora.storage.backup.RecoveryStage;
import io.aurora.storage.durable.DurableStorage;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups and recovery: {@code performBackup}, {@code listBackups} and the staged recovery
 * ({@code stageRecovery}, {@code queryRecovery}, {@code deleteRecoveryTasks},
 * {@code commitRecovery}, {@code unloadRecovery}).
 *
 * <p>One recovery is staged at a time, in its own in-memory state ({@link RecoveryStage}); nothing
 * live changes until {@code commitRecovery}, which writes the staged state to the log as a snapshot
 * entry ({@link DurableStorage#restore}) and then calls {@code afterCommit}: the scheduler gives
 * up leadership and restarts, and the next leader recovers the restored state from the log. Tasks
 * that Mesos still runs but the backup does not know of (created after it) are then killed by
 * reconciliation.
 */
public final class BackupApi {
  private static final Logger LOG = LoggerFactory.getLogger(BackupApi.class);

  private final DurableStorage storage;
  private final RecoveryStage stage;
  private final Runnable afterCommit;

  /**
   * @param afterCommit ends this scheduler's leadership once a recovery is in the log; it must not
   *     block (the commit's response is still to be sent)
   */
  public BackupApi(DurableStorage storage, Runnable afterCommit) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.stage = new RecoveryStage(storage.backups());
    this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
  }

  public Response performBackup() {
    Path file;
    try {
      file = storage.backup();
    } catch (TransientStorageException e) {
      throw e;
    } catch (StorageException e) {
      // A failed write is counted in scheduler_backup_failed; the reason (a full disk, a
      // committed recovery) is the operator's to act on.
      return Responses.withCode(ResponseCode.ERROR, e.getMessage());
    }
    return Responses.ok("Wrote backup " + file.getFileName());
  }

  public Response listBackups() {
    return Responses.ok(Result.listBackupsResult(
        new ListBackupsResult(new LinkedHashSet<>(storage.backups().list()))));
  }

  public Response stageRecovery(String backupId) {
    return recovery(() -> {
      stage.stage(backupId);
      return Responses.ok("Staged recovery from " + backupId);
    });
  }

  public Response queryRecovery(TaskQuery query) {
    TaskQuery checked = RequestChecks.checkQuery(query);
    return recovery(() -> Responses.ok(Result.queryRecoveryResult(
        new QueryRecoveryResult(new LinkedHashSet<>(stage.query(checked))))));
  }

  public Response deleteRecoveryTasks(TaskQuery query) {
    TaskQuery checked = RequestChecks.checkQuery(query);
    return recovery(() -> Responses.ok("Deleted " + stage.deleteTasks(checked)
        + " tasks from the staged recovery"));
  }

  public Response commitRecovery() {
    return recovery(() -> {
      String backup = stage.stagedBackup().orElse("");
      stage.commit(staged -> storage.restore(staged.state(), staged.timestampMs()));
      LOG.warn("Committed the recovery from {}; this scheduler restarts so that the next leader"
          + " loads it", backup);
      afterCommit.run();
      return Responses.ok("Committed the recovery from " + backup + ". The scheduler restarts"
          + " and the next leader loads it; tasks started after the backup are killed by"
          + " reconciliation.");
    });
  }

  public Response unloadRecovery() {
    return Responses.ok(stage.unload().map(name -> "Unloaded the recovery from " + name)
        .orElse("No recovery was staged"));
  }

  /** Runs a recovery call; a refused one answers ERROR with the reason, without a stack trace. */
  private static Response recovery(Supplier<Response> call) {
    try {
      return call.get();
    } catch (RecoveryException e) {
      return Responses.withCode(ResponseCode.ERROR, e.getMessage());
    }
  }
}
