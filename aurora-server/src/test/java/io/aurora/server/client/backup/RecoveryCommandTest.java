package io.aurora.server.client.backup;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.JobKey;
import io.aurora.gen.ListBackupsResult;
import io.aurora.gen.QueryRecoveryResult;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskQuery;
import io.aurora.server.client.ClientHarness;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code aurora backup}, {@code aurora recovery} and {@code aurora snapshot} against a scripted scheduler. */
class RecoveryCommandTest {
  private final ClientHarness client = new ClientHarness();

  private static ScheduledTask task(String id, String job, int instance) {
    return new ScheduledTask().setStatus(ScheduleStatus.RUNNING).setAssignedTask(
        new AssignedTask().setTaskId(id).setInstanceId(instance).setTask(
            new TaskConfig().setJob(new JobKey("www", "prod", job))));
  }

  @Test
  void backupNow_andList() {
    client.scheduler.answer("performBackup",
        response(ResponseCode.OK, null, "Wrote backup scheduler-backup-2026-12-07-21-00"));
    client.scheduler.answer("listBackups", ok(Result.listBackupsResult(new ListBackupsResult(
        Set.of("scheduler-backup-2026-12-07-21-00", "scheduler-backup-2026-12-07-20-00")))));

    assertThat(client.run("backup", "now", "local")).isEqualTo(0);
    assertThat(client.run("backup", "list", "local")).isEqualTo(0);

    assertThat(client.clusters).containsExactly(Optional.of("local"), Optional.of("local"));
    assertThat(client.out()).isEqualTo(String.join("\n",
        "Wrote backup scheduler-backup-2026-12-07-21-00",
        "scheduler-backup-2026-12-07-20-00",
        "scheduler-backup-2026-12-07-21-00", ""));
  }

  @Test
  void stage_refusedAsCorrupt_exitsTenWithTheSchedulersReason() {
    client.scheduler.answer("stageRecovery", response(ResponseCode.ERROR, null,
        "Backup scheduler-backup-x is truncated or corrupt; nothing was staged: ..."));

    assertThat(client.run("recovery", "stage", "local", "scheduler-backup-x")).isEqualTo(10);

    assertThat(client.scheduler.calls("stageRecovery").get(0).arg(0))
        .isEqualTo("scheduler-backup-x");
    assertThat(client.err()).contains("is truncated or corrupt; nothing was staged");
  }

  @Test
  void query_ofAJob_printsTheStagedTasks() {
    client.scheduler.answer("queryRecovery", ok(Result.queryRecoveryResult(
        new QueryRecoveryResult(Set.of(task("t-1", "web", 1), task("t-0", "web", 0))))));

    assertThat(client.run("recovery", "query", "local", "www/prod/web")).isEqualTo(0);

    TaskQuery sent = (TaskQuery) client.scheduler.calls("queryRecovery").get(0).arg(0);
    assertThat(sent.getRole()).isEqualTo("www");
    assertThat(sent.getEnvironment()).isEqualTo("prod");
    assertThat(sent.getJobName()).isEqualTo("web");
    assertThat(client.out()).isEqualTo(String.join("\n",
        "JOB           INSTANCE  STATUS   TASK ID",
        "www/prod/web  0         RUNNING  t-0",
        "www/prod/web  1         RUNNING  t-1", ""));
  }

  @Test
  void deleteTasks_needsASelection_andSendsIds() {
    assertThat(client.run("recovery", "delete-tasks", "local")).isEqualTo(6);
    assertThat(client.err()).contains("name the tasks to delete");
    assertThat(client.scheduler.calls()).isEmpty();

    client.scheduler.answer("deleteRecoveryTasks",
        response(ResponseCode.OK, null, "Deleted 2 tasks from the staged recovery"));
    assertThat(client.run("recovery", "delete-tasks", "local", "--task-id=a", "--task-id=b"))
        .isEqualTo(0);
    TaskQuery sent = (TaskQuery) client.scheduler.calls("deleteRecoveryTasks").get(0).arg(0);
    assertThat(sent.getTaskIds()).containsExactly("a", "b");
    assertThat(sent.isSetRole()).isFalse();
    assertThat(client.out()).isEqualTo("Deleted 2 tasks from the staged recovery\n");
  }

  @Test
  void commit_unload_snapshot() {
    client.scheduler.answer("commitRecovery", response(ResponseCode.OK, null, "Committed"));
    client.scheduler.answer("unloadRecovery", response(ResponseCode.OK, null, "Unloaded"));
    client.scheduler.answer("snapshot", ok(null));

    assertThat(client.run("recovery", "commit", "local")).isEqualTo(0);
    assertThat(client.run("recovery", "unload", "local")).isEqualTo(0);
    assertThat(client.run("snapshot", "local")).isEqualTo(0);

    assertThat(client.out()).isEqualTo("Committed\nUnloaded\nsnapshot written\n");
  }

  @Test
  void badJobSelector_isRefused() {
    assertThat(client.run("recovery", "query", "local", "www//web")).isEqualTo(6);
    assertThat(client.err()).contains("expected ROLE, ROLE/ENV or ROLE/ENV/NAME, got 'www//web'");
  }
}
