package io.aurora.storage.durable;

import static io.aurora.storage.StoreFixtures.host;
import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static io.aurora.storage.StoreFixtures.jobConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aurora.api.TaskQueries;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskEvent;
import io.aurora.gen.storage.LogEntry;
import io.aurora.gen.storage.Snapshot;
import io.aurora.log.Entry;
import io.aurora.log.Reader;
import io.aurora.log.ReplicatedLog;
import io.aurora.storage.StorageException;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.StoreProvider;
import io.aurora.storage.TransientStorageException;
import io.aurora.storage.mem.StoreState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableStorageTest {
  @TempDir
  Path backups;

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final List<DurableStorage> opened = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  @AfterEach
  void tearDown() {
    opened.forEach(DurableStorage::close);
    scheduler.shutdownNow();
    committer.shutdownNow();
  }

  private DurableStorage open(ReplicatedLog log, long maxEntrySize) {
    return open(log, maxEntrySize, new SimpleMeterRegistry());
  }

  private DurableStorage open(ReplicatedLog log, long maxEntrySize, SimpleMeterRegistry registry) {
    StorageOptions options = new StorageOptions(Duration.ofHours(1), maxEntrySize, backups,
        Duration.ofHours(1), 3);
    DurableStorage storage = new DurableStorage(log, options, clock, scheduler, committer,
        registry);
    opened.add(storage);
    return storage;
  }

  private DurableStorage leader(ReplicatedLog log) throws Exception {
    DurableStorage storage = open(log, 512 * 1024);
    storage.start();
    storage.lead();
    return storage;
  }

  static void populate(DurableStorage storage, String name) {
    storage.write(s -> {
      s.taskStore().saveTasks(instances(job(name), 5, "{\"cmd\":\"" + name + "\"}"));
      s.jobStore().saveJob(jobConfig(job(name), 5));
      s.attributeStore().saveHostAttributes(host("host-" + name));
      return null;
    });
    storage.write(s -> {
      s.taskStore().assign(name + "-0", "agent", "host-" + name, Map.of("http", 80));
      s.taskStore().changeStatus(name + "-0", new TaskEvent(9L, ScheduleStatus.ASSIGNED));
      s.taskStore().removeTasks(java.util.Set.of(name + "-4"));
      s.schedulerStore().saveFrameworkId("fw-" + name);
      return null;
    });
  }

  private static Snapshot snapshotOf(DurableStorage storage) {
    return storage.state().toSnapshot(0);
  }

  @Test
  public void lead_tellsWhenTheWriterIsElected_beforeCatchingUp() throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage storage = open(log, 512 * 1024);
    storage.start();
    List<DurableStorage.Mode> modeWhenElected = new ArrayList<>();
    storage.lead(() -> modeWhenElected.add(storage.mode()));
    assertThat(modeWhenElected).containsExactly(DurableStorage.Mode.FOLLOWING);
    assertThat(storage.mode()).isEqualTo(DurableStorage.Mode.LEADING);
  }

  @Test
  public void onFirstCommit_runsOnce_whenTheFirstWriteAfterLeadingIsDurable() throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage storage = leader(log);
    List<Long> positionsSeen = new ArrayList<>();
    storage.onFirstCommit(() -> positionsSeen.add(storage.state().logPosition()));
    storage.write(s -> null);   // no ops: nothing is appended
    assertThat(positionsSeen).isEmpty();
    populate(storage, "a");     // two appends
    assertThat(positionsSeen).hasSize(1);
    assertThat(positionsSeen.get(0)).isPositive();
    assertThat(storage.state().logPosition()).isGreaterThan(positionsSeen.get(0));
  }

  @Test
  public void notStarted_isTransient_andFollowerRejectsWrites() throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage storage = open(log, 512 * 1024);
    assertThatThrownBy(() -> storage.read(s -> s.taskStore().jobKeys()))
        .isInstanceOf(TransientStorageException.class);
    storage.start();
    assertThat(storage.read((StoreProvider s) -> s.taskStore().jobKeys())).isEmpty();
    assertThatThrownBy(() -> storage.write(s -> null))
        .isInstanceOf(TransientStorageException.class);
  }

  @Test
  public void committedWrites_surviveRestart() throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage first = leader(log);
    populate(first, "a");
    populate(first, "b");
    Snapshot before = snapshotOf(first);
    first.close();

    DurableStorage second = leader(log);
    assertThat(snapshotOf(second)).isEqualTo(before);
    assertThat(second.read((StoreProvider s) -> s.taskStore().countTasks(
        TaskQueries.all().build()))).isEqualTo(8);
  }

  @Test
  public void failedAppend_changesNothing_andFailsTheStorage() throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage storage = leader(log);
    populate(storage, "a");
    Snapshot before = snapshotOf(storage);
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    storage.onFailure(failures::add);

    log.failAppends(true);
    assertThatThrownBy(() -> storage.write(s -> {
      s.taskStore().removeTasks(java.util.Set.of("a-1"));
      return null;
    })).isInstanceOf(StorageException.class).isNotInstanceOf(TransientStorageException.class);
    assertThat(snapshotOf(storage)).isEqualTo(before);
    assertThat(storage.mode()).isEqualTo(DurableStorage.Mode.FAILED);
    assertThat(failures).hasSize(1);
    assertThatThrownBy(() -> storage.write(s -> null)).isInstanceOf(StorageException.class);
    assertThat(failures).hasSize(1);
    // A listener registered after the failure hears of it at once.
    List<Throwable> late = new ArrayList<>();
    storage.onFailure(late::add);
    assertThat(late).containsExactlyElementsOf(failures);

    log.failAppends(false);
    storage.close();
    assertThat(snapshotOf(leader(log))).isEqualTo(before);
  }

  @Test
  public void readers_neverSeeAWriteBeforeItIsDurable_andWritesAreGroupCommitted()
      throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage storage = leader(log);
    log.holdAppends();
    ExecutorService writers = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Void>> writes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = "j" + i;
        writes.add(CompletableFuture.runAsync(() -> storage.write(s -> {
          s.taskStore().saveTasks(instances(job(name), 1, "{}"));
          return null;
        }), writers));
      }
      // The first transaction's append is held; the others queue behind it.
      await("the first append to be held").atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(1)).until(() -> log.heldAppends() >= 1);
      await("no write visible or finished while the append is held")
          .during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1))
          .until(() -> writes.stream().noneMatch(CompletableFuture::isDone)
              && storage.read((StoreProvider s) -> s.taskStore().countTasks(
                  TaskQueries.all().build())) == 0);

      log.release();
      CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0])).get(10,
          TimeUnit.SECONDS);
      assertThat(storage.read((StoreProvider s) -> s.taskStore().countTasks(
          TaskQueries.all().build()))).isEqualTo(8);
      // One append for the first transaction, then the rest rode at most a few batches.
      assertThat(log.appends.get()).isLessThan(8);
    } finally {
      writers.shutdownNow();
    }
  }

  /** A checked failure of one writer's work, to tell the callers' outcomes apart. */
  private static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  @Test
  public void concurrentWriters_eachGetTheirOwnOutcome_andAFailedWorkKeepsNothing()
      throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage storage = leader(log);
    log.holdAppends();
    ExecutorService writers = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<String>> writes = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String name = "j" + i;
        boolean refuse = i % 2 == 1;
        writes.add(CompletableFuture.supplyAsync(() -> {
          try {
            return storage.write(s -> {
              s.taskStore().saveTasks(instances(job(name), 1, "{}"));
              if (refuse) {
                throw new Refused("refused " + name);
              }
              return name;
            });
          } catch (Refused e) {
            return e.getMessage();
          }
        }, writers));
      }
      log.release();
      for (int i = 0; i < 16; i++) {
        assertThat(writes.get(i).get(10, TimeUnit.SECONDS))
            .isEqualTo(i % 2 == 1 ? "refused j" + i : "j" + i);
      }
      assertThat(storage.read((StoreProvider s) -> s.taskStore().countTasks(
          TaskQueries.all().build()))).isEqualTo(8);
      assertThat(storage.read((StoreProvider s) -> s.taskStore().countTasks(
          TaskQueries.byJob(job("j1")).build()))).isZero();
    } finally {
      writers.shutdownNow();
    }
  }

  @Test
  public void recoveryFromSnapshotPlusTail_equalsStateBeforeRestart() throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage first = leader(log);
    populate(first, "a");
    first.snapshot();
    populate(first, "b");
    Snapshot before = snapshotOf(first);
    assertThat(log.reader().beginning().value()).isGreaterThan(1);
    first.close();

    DurableStorage second = leader(log);
    assertThat(snapshotOf(second)).isEqualTo(before);
  }

  @Test
  public void snapshotTakenWhileAWriteIsInFlight_recoversBothFromTheTruncatedLog()
      throws Exception {
    ControlledLog log = new ControlledLog();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DurableStorage first = new DurableStorage(log, new StorageOptions(Duration.ofHours(1),
        512 * 1024, backups, Duration.ofHours(1), 3), clock, scheduler, committer, registry);
    opened.add(first);
    first.start();
    first.lead();
    populate(first, "a");
    long durableBefore = first.state().logPosition();

    log.holdAppends();
    CompletableFuture<Void> write = CompletableFuture.runAsync(() -> populate(first, "b"));
    await("the write's append to be held").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(1)).until(() -> log.heldAppends() > 0);
    // The snapshot is built from the durable state (without "b") and queued behind the write.
    CompletableFuture<Long> snapshot = CompletableFuture.supplyAsync(first::snapshot);
    await("the snapshot to be encoded").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> registry.timer("snapshot_create").count() == 1);
    log.release();
    write.get(10, TimeUnit.SECONDS);
    snapshot.get(10, TimeUnit.SECONDS);
    Snapshot before = snapshotOf(first);
    assertThat(before.getTasks()).extracting(t -> t.getTask().getAssignedTask().getTaskId())
        .contains("a-0", "b-0");
    // The write that raced the snapshot sits between the snapshot's position and its entry.
    assertThat(log.reader().beginning().value()).isEqualTo(durableBefore + 1);
    assertThat(registry.counter("scheduler_log_snapshots").count()).isEqualTo(1);
    assertThat(registry.get("task_store_PENDING").gauge().value()).isEqualTo(6);
    first.close();

    assertThat(snapshotOf(leader(log))).isEqualTo(before);
  }

  @Test
  public void largeTransactions_areFramed_andRecover() throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage first = open(log, 2048);
    first.start();
    first.lead();
    byte[] noise = new byte[6000];
    new java.util.Random(3).nextBytes(noise);
    String big = java.util.Base64.getEncoder().encodeToString(noise);
    first.write(s -> {
      s.taskStore().saveTasks(instances(job("big"), 3, big));
      s.taskStore().saveTasks(instances(job("big2"), 3, big + "y"));
      return null;
    });
    first.snapshot();
    populate(first, "c");
    Snapshot before = snapshotOf(first);
    first.close();
    int appendsBefore = log.appends.get();
    assertThat(appendsBefore).isGreaterThan(4);

    DurableStorage second = open(log, 2048);
    second.start();
    assertThat(snapshotOf(second)).isEqualTo(before);
  }

  @Test
  public void follower_holdsLeadersStateAfterEveryWrite_andTakesOverWithoutReplay()
      throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage follower = open(log, 512 * 1024);
    follower.start();
    DurableStorage leader = leader(log);

    for (String name : List.of("a", "b", "c")) {
      populate(leader, name);
      assertThat(snapshotOf(follower)).isEqualTo(snapshotOf(leader));
      if (name.equals("b")) {
        leader.snapshot();
        assertThat(snapshotOf(follower)).isEqualTo(snapshotOf(leader));
      }
    }
    Snapshot before = snapshotOf(leader);
    leader.close();

    follower.lead();
    assertThat(follower.entriesReadOnLastLead()).isZero();
    assertThat(snapshotOf(follower)).isEqualTo(before);
    populate(follower, "d");
    assertThat(follower.read((StoreProvider s) -> s.schedulerStore().fetchFrameworkId()))
        .contains("fw-d");
  }

  @Test
  public void backup_isReadableAndEqualsTheState() throws Exception {
    DurableStorage storage = leader(new ControlledLog());
    populate(storage, "a");
    Path file = storage.backup();
    assertThat(file.getFileName().toString()).isEqualTo("scheduler-backup-2026-11-25-12-00");
    Snapshot read = io.aurora.storage.backup.BackupDirectory.read(file);
    assertThat(read).isEqualTo(storage.state().toSnapshot(clock.millis()));
  }

  /** A snapshot's records share the log with transaction batches instead of going ahead. */
  @Test
  public void writesDuringASnapshot_goBetweenItsChunks_andEveryReaderRecoversThemAll()
      throws Exception {
    ControlledLog log = new ControlledLog();
    // 2 KB entries: the snapshot below is dozens of chunks.
    DurableStorage follower = open(log, 2048);
    follower.start();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DurableStorage leader = open(log, 2048, registry);
    leader.start();
    leader.lead();
    StoreState big = SnapshotEncoderTest.state(10, 0);
    leader.write(s -> {
      s.taskStore().saveTasks(big.stores().taskStore().fetchTasks(
          io.aurora.api.TaskQueries.all().build()));
      return null;
    });
    long covered = leader.state().logPosition();

    log.holdAppends();
    CompletableFuture<Long> snapshot = CompletableFuture.supplyAsync(leader::snapshot);
    await("the snapshot's first record to be held").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(1)).until(() -> log.heldAppends() > 0);
    // The snapshot's first record holds the slot; these writes queue behind that one record only.
    double submitted = registry.get("scheduler_log_un_snapshotted_transactions").gauge().value();
    CompletableFuture<Void> writes = CompletableFuture.runAsync(
        () -> populate(leader, "b"));
    await("the write to be submitted").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(1)).until(() -> registry.get(
            "scheduler_log_un_snapshotted_transactions").gauge().value() != submitted);
    log.release();
    writes.get(10, TimeUnit.SECONDS);
    long snapshotEnd = snapshot.get(10, TimeUnit.SECONDS);

    // In the log: the snapshot's header, then transactions and chunks mixed, then its last chunk.
    Reader reader = log.reader();
    assertThat(reader.beginning().value()).isEqualTo(covered + 1);
    List<Long> transactions = new ArrayList<>();
    long header = -1;
    for (Entry e : reader.read(reader.beginning(), reader.ending())) {
      LogEntry entry = ThriftCodec.decode(new LogEntry(), e.data());
      if (entry.isSetFrame() && entry.getFrame().isSetHeader() && header < 0) {
        header = e.position().value();
      } else if (!entry.isSetFrame()) {
        transactions.add(e.position().value());
      }
    }
    long first = header;
    assertThat(first).isEqualTo(covered + 1);
    assertThat(snapshotEnd - first).isGreaterThan(10);
    // The first write went out right after the header, not after the last chunk (the second
    // write only starts once the first returns, and may find the snapshot done).
    assertThat(transactions).hasSize(2);
    assertThat(transactions.get(0)).isBetween(first + 1, snapshotEnd - 1);

    Snapshot before = snapshotOf(leader);
    assertThat(before.getTasks()).extracting(t -> t.getTask().getAssignedTask().getTaskId())
        .contains("job0-0", "b-0");
    // The follower applied the transactions as they came and skipped the snapshot.
    await("the follower to catch up").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> follower.state().logPosition() >= leader.state().logPosition());
    assertThat(snapshotOf(follower)).isEqualTo(before);
    leader.close();

    // Cold recovery from the truncated log: holds the transactions until the snapshot, then
    // applies them on top of it.
    DurableStorage cold = open(log, 2048);
    cold.start();
    assertThat(snapshotOf(cold)).isEqualTo(before);
  }
}
