package io.aurora.storage.durable;

import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static io.aurora.storage.StoreFixtures.jobConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aurora.api.TaskQueries;
import io.aurora.gen.JobKey;
import io.aurora.gen.storage.Snapshot;
import io.aurora.log.InMemoryLog;
import io.aurora.log.Position;
import io.aurora.log.Writer;
import io.aurora.storage.StorageException;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.StoreProvider;
import io.aurora.storage.backup.BackupDirectory;
import io.aurora.storage.backup.RecoveryStage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committing a staged recovery through the log, and the offline restore's records. */
class DurableRestoreTest {
  @TempDir
  Path backups;

  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final List<DurableStorage> opened = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void tearDown() {
    opened.forEach(DurableStorage::close);
    timers.shutdownNow();
    committer.shutdownNow();
  }

  private DurableStorage started(InMemoryLog log, long maxEntrySize) throws Exception {
    StorageOptions options = new StorageOptions(Duration.ofHours(1), maxEntrySize, backups,
        Duration.ofHours(1), 3);
    DurableStorage storage = new DurableStorage(log, options, clock, timers, committer, registry);
    opened.add(storage);
    storage.start();
    return storage;
  }

  private static void createJob(DurableStorage storage, String name, int instances) {
    storage.write(s -> {
      s.taskStore().saveTasks(instances(job(name), instances, "{\"cmd\":\"" + name + "\"}"));
      s.jobStore().saveJob(jobConfig(job(name), instances));
      return null;
    });
  }

  private static Set<JobKey> jobs(DurableStorage storage) {
    return storage.read((StoreProvider s) -> s.taskStore().jobKeys());
  }

  private static long tasks(DurableStorage storage) {
    return storage.read((StoreProvider s) -> s.taskStore().countTasks(TaskQueries.all().build()));
  }

  @Test
  public void commit_replacesTheState_forFollowersAndForRecovery() throws Exception {
    // A small entry size frames the restored snapshot, as a large cluster's would be.
    InMemoryLog log = new InMemoryLog();
    DurableStorage leader = started(log, 1024);
    DurableStorage follower = started(log, 1024);
    leader.lead();
    createJob(leader, "web", 3);
    createJob(leader, "db", 2);
    String backup = leader.backup().getFileName().toString();
    assertThat(registry.counter("scheduler_backup_success").count()).isEqualTo(1);
    // Work after the backup, and a periodic snapshot (with its truncation) before the commit.
    createJob(leader, "cache", 4);
    leader.snapshot();
    leader.write(s -> {
      s.taskStore().removeTasks(Set.of("web-0"));
      return null;
    });

    RecoveryStage stage = new RecoveryStage(leader.backups());
    stage.stage(backup);
    assertThat(stage.query(TaskQueries.byJob(job("web")).build())).hasSize(3);
    assertThat(stage.deleteTasks(TaskQueries.byJob(job("db")).build())).isEqualTo(2);
    stage.commit(staged -> leader.restore(staged.state(), staged.timestampMs()));

    assertThat(leader.mode()).isEqualTo(DurableStorage.Mode.RESTORED);
    assertThatThrownBy(() -> createJob(leader, "late", 1)).isInstanceOf(StorageException.class)
        .hasMessageContaining("A recovery was committed");
    // The hot standby loads the restored state as it follows the log...
    await().atMost(Duration.ofSeconds(10)).until(() -> tasks(follower) == 3);
    assertThat(jobs(follower)).containsExactly(job("web"));
    assertThat(follower.read((StoreProvider s) -> s.jobStore().fetchJob(job("cache")))).isEmpty();
    leader.close();

    // ... and becomes a leader that writes on top of it.
    follower.lead();
    createJob(follower, "after", 1);
    follower.snapshot();
    Snapshot expected = follower.state().toSnapshot(0);
    follower.close();

    DurableStorage cold = started(log, 1024);
    assertThat(cold.state().toSnapshot(0)).isEqualTo(expected);
    assertThat(jobs(cold)).containsExactlyInAnyOrder(job("web"), job("after"));
    assertThat(tasks(cold)).isEqualTo(4);
  }

  @Test
  public void recordsForAnEmptyLog_recoverAsTheBackup_andAreTheSameEveryTime() throws Exception {
    InMemoryLog source = new InMemoryLog();
    DurableStorage leader = started(source, 512 * 1024);
    leader.lead();
    createJob(leader, "web", 20);
    Snapshot backup = BackupDirectory.read(leader.backup());
    Snapshot expected = leader.state().atPosition(0).toSnapshot(0);

    List<byte[]> records = RestoreEncoder.forEmptyLog(backup, 1024);
    assertThat(records).hasSizeGreaterThan(1);
    List<byte[]> again = RestoreEncoder.forEmptyLog(BackupDirectory.read(
        backups.resolve(leader.backups().list().get(0))), 1024);
    assertThat(again).hasSameSizeAs(records);
    for (int i = 0; i < records.size(); i++) {
      assertThat(again.get(i)).isEqualTo(records.get(i));
    }

    InMemoryLog fresh = new InMemoryLog();
    Writer writer = fresh.elect();
    for (byte[] record : records) {
      assertThat(writer.append(record).get()).isNotEqualTo(Position.NONE);
    }
    DurableStorage restored = started(fresh, 1024);
    assertThat(restored.state().atPosition(0).toSnapshot(0).equals(expected)).isTrue();
    restored.lead();
    createJob(restored, "more", 1);
    assertThat(tasks(restored)).isEqualTo(21);
  }
}
