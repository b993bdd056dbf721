package io.aurora.storage.backup;

import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.api.TaskQueries;
import io.aurora.gen.ScheduledTask;
import io.aurora.storage.mem.MemStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStageTest {
  private static final String NAME = "scheduler-backup-2026-11-25-12-00";

  @TempDir
  Path dir;

  private BackupDirectory backups() {
    return new BackupDirectory(dir, 5,
        Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
  }

  private Path writeBackup() {
    List<ScheduledTask> tasks = new ArrayList<>(instances(job("web"), 3, "{}"));
    tasks.addAll(instances(job("db"), 2, "{}"));
    MemStorage storage = new MemStorage();
    storage.write(s -> {
      s.taskStore().saveTasks(tasks);
      return null;
    });
    return backups().write(storage.state().toSnapshot(42L));
  }

  private static List<String> ids(List<ScheduledTask> tasks) {
    return tasks.stream().map(t -> t.getAssignedTask().getTaskId()).sorted().toList();
  }

  @Test
  public void stage_query_delete_commit() {
    writeBackup();
    RecoveryStage stage = new RecoveryStage(backups());
    stage.stage(NAME);
    assertThat(stage.stagedBackup()).contains(NAME);
    assertThat(ids(stage.query(TaskQueries.byJob(job("web")).build())))
        .containsExactly("web-0", "web-1", "web-2");

    assertThat(stage.deleteTasks(TaskQueries.byJob(job("db")).build())).isEqualTo(2);
    assertThat(ids(stage.query(TaskQueries.all().build())))
        .containsExactly("web-0", "web-1", "web-2");

    AtomicReference<RecoveryStage.Staged> committed = new AtomicReference<>();
    stage.commit(committed::set);
    assertThat(committed.get().backup()).isEqualTo(NAME);
    assertThat(committed.get().timestampMs()).isEqualTo(42L);
    assertThat(committed.get().state().taskCount()).isEqualTo(3);
    assertThat(stage.stagedBackup()).isEmpty();
  }

  @Test
  public void oneRecoveryAtATime_untilUnloaded() {
    writeBackup();
    RecoveryStage stage = new RecoveryStage(backups());
    stage.stage(NAME);
    assertThatThrownBy(() -> stage.stage(NAME)).isInstanceOf(RecoveryException.class)
        .hasMessage("A recovery is already staged (" + NAME + "); unload it before staging"
            + " another");
    assertThat(stage.unload()).contains(NAME);
    assertThatThrownBy(() -> stage.query(TaskQueries.all().build()))
        .hasMessage("No recovery is staged; stage a backup first");
    stage.stage(NAME);
    assertThat(stage.stagedBackup()).contains(NAME);
  }

  @Test
  public void failedCommit_keepsTheRecoveryStaged() {
    writeBackup();
    RecoveryStage stage = new RecoveryStage(backups());
    stage.stage(NAME);
    assertThatThrownBy(() -> stage.commit(s -> {
      throw new IllegalStateException("log down");
    })).hasMessage("log down");
    assertThat(stage.stagedBackup()).contains(NAME);
  }

  @Test
  public void unknownOrBadNames_areRefusedClearly() {
    RecoveryStage stage = new RecoveryStage(backups());
    assertThatThrownBy(() -> stage.stage("scheduler-backup-2020-01-01-00-00"))
        .isInstanceOf(RecoveryException.class)
        .hasMessageStartingWith("No backup named scheduler-backup-2020-01-01-00-00 in ");
    assertThatThrownBy(() -> stage.stage("../etc/passwd")).isInstanceOf(RecoveryException.class)
        .hasMessageStartingWith("Not a backup name: ../etc/passwd");
  }

  @Test
  public void truncatedBackups_areRefused_andNothingIsStaged() throws Exception {
    Path file = writeBackup();
    byte[] whole = Files.readAllBytes(file);
    // Cut anywhere: in the snapshot, and in the zlib trailer that follows its last field.
    for (int keep : new int[] {whole.length / 2, whole.length - 1, whole.length - 4}) {
      Files.write(file, Arrays.copyOf(whole, keep));
      RecoveryStage stage = new RecoveryStage(backups());
      assertThatThrownBy(() -> stage.stage(NAME)).isInstanceOf(RecoveryException.class)
          .hasMessageStartingWith("Backup " + NAME + " is truncated or corrupt; nothing was"
              + " staged: ");
      assertThat(stage.stagedBackup()).isEmpty();
    }
  }

  @Test
  public void corruptBackups_areRefused() throws Exception {
    Path file = writeBackup();
    byte[] whole = Files.readAllBytes(file);
    for (int at : new int[] {BackupDirectory.HEADER.length() + 10, whole.length / 2,
        whole.length - 2}) {
      byte[] bad = whole.clone();
      bad[at] ^= 0x5a;
      Files.write(file, bad);
      RecoveryStage stage = new RecoveryStage(backups());
      assertThatThrownBy(() -> stage.stage(NAME)).isInstanceOf(RecoveryException.class)
          .hasMessageContaining("is truncated or corrupt; nothing was staged");
      assertThat(stage.stagedBackup()).isEmpty();
    }
  }
}
