package io.aurora.scheduling.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.TaskQueries;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ResponseDetail;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.log.InMemoryLog;
import io.aurora.storage.durable.DurableStorage;
import io.aurora.storage.testing.InMemoryDurableStorages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup and recovery calls over a durable storage on an in-memory log. */
class BackupApiTest {
  @TempDir
  Path dir;

  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T21:00:00Z"), ZoneOffset.UTC);
  private final InMemoryLog log = new InMemoryLog();
  private final List<DurableStorage> opened = new ArrayList<>();
  private final AtomicInteger restarts = new AtomicInteger();
  private DurableStorage storage;
  private BackupApi api;

  @BeforeEach
  void setUp() throws Exception {
    storage = open();
    storage.lead();
    api = new BackupApi(storage, restarts::incrementAndGet);
  }

  @AfterEach
  void tearDown() {
    opened.forEach(DurableStorage::close);
    timers.shutdownNow();
    committer.shutdownNow();
  }

  private DurableStorage open() throws Exception {
    DurableStorage s = InMemoryDurableStorages.started(log, dir.resolve("backups"), clock, timers,
        committer);
    opened.add(s);
    return s;
  }

  private void createTasks(String job, int count) {
    List<ScheduledTask> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tasks.add(new ScheduledTask().setStatus(ScheduleStatus.PENDING).setAssignedTask(
          new AssignedTask().setTaskId(job + "-" + i).setInstanceId(i).setTask(new TaskConfig()
              .setJob(new JobKey("www", "prod", job)).setPriority(0))));
    }
    storage.write(s -> {
      s.taskStore().saveTasks(tasks);
      return null;
    });
  }

  private static String message(Response r) {
    return r.getDetails().stream().map(ResponseDetail::getMessage).reduce("", String::concat);
  }

  private static List<String> taskIds(Response r) {
    return r.getResult().getQueryRecoveryResult().getTasks().stream()
        .map(t -> t.getAssignedTask().getTaskId()).sorted().toList();
  }

  @Test
  public void backUp_stage_query_delete_commit_thenTheLogHoldsTheBackup() throws Exception {
    createTasks("web", 2);
    Response backup = api.performBackup();
    assertThat(backup.getResponseCode()).isEqualTo(ResponseCode.OK);
    assertThat(message(backup)).isEqualTo("Wrote backup scheduler-backup-2026-12-07-21-00");
    assertThat(api.listBackups().getResult().getListBackupsResult().getBackups())
        .containsExactly("scheduler-backup-2026-12-07-21-00");
    createTasks("late", 3);

    assertThat(api.stageRecovery("scheduler-backup-2026-12-07-21-00").getResponseCode())
        .isEqualTo(ResponseCode.OK);
    assertThat(taskIds(api.queryRecovery(TaskQueries.all().build())))
        .containsExactly("web-0", "web-1");
    assertThat(message(api.deleteRecoveryTasks(TaskQueries.byTaskIds("web-1").build())))
        .isEqualTo("Deleted 1 tasks from the staged recovery");
    // The live state is untouched until the commit.
    assertThat(storage.state().taskCount()).isEqualTo(5);

    Response committed = api.commitRecovery();
    assertThat(committed.getResponseCode()).isEqualTo(ResponseCode.OK);
    assertThat(message(committed)).contains("killed by reconciliation");
    assertThat(restarts.get()).isEqualTo(1);
    assertThat(storage.mode()).isEqualTo(DurableStorage.Mode.RESTORED);
    assertThat(api.performBackup().getResponseCode()).isNotEqualTo(ResponseCode.OK);

    storage.close();
    DurableStorage next = open();
    next.lead();
    assertThat(next.state().taskCount()).isEqualTo(1);
    assertThat(next.read((io.aurora.storage.StoreProvider s) -> s.taskStore().fetchTask("web-0")))
        .isPresent();
  }

  @Test
  public void refusals_areErrorsWithAReason() throws Exception {
    Response none = api.queryRecovery(TaskQueries.all().build());
    assertThat(none.getResponseCode()).isEqualTo(ResponseCode.ERROR);
    assertThat(message(none)).isEqualTo("No recovery is staged; stage a backup first");
    assertThat(message(api.commitRecovery())).isEqualTo(
        "No recovery is staged; stage a backup first");
    assertThat(message(api.stageRecovery("scheduler-backup-1999-01-01-00-00")))
        .startsWith("No backup named scheduler-backup-1999-01-01-00-00 in ");

    api.performBackup();
    Path file = dir.resolve("backups").resolve("scheduler-backup-2026-12-07-21-00");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    Response truncated = api.stageRecovery(file.getFileName().toString());
    assertThat(truncated.getResponseCode()).isEqualTo(ResponseCode.ERROR);
    assertThat(message(truncated)).contains("is truncated or corrupt; nothing was staged");
    assertThat(message(api.unloadRecovery())).isEqualTo("No recovery was staged");
    assertThat(restarts.get()).isZero();
  }
}
