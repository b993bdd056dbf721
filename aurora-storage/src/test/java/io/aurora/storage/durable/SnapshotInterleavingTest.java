package io.aurora.storage.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.storage.LogEntry;
import io.aurora.gen.storage.Snapshot;
import io.aurora.log.Entry;
import io.aurora.log.Reader;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.mem.StoreState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot's records share the log with transaction batches instead of going ahead of them. */
class SnapshotInterleavingTest {
  @TempDir
  Path backups;

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final List<DurableStorage> opened = new ArrayList<>();

  @AfterEach
  void tearDown() {
    opened.forEach(DurableStorage::close);
    scheduler.shutdownNow();
    committer.shutdownNow();
  }

  private DurableStorage open(ControlledLog log) {
    return open(log, new SimpleMeterRegistry());
  }

  private DurableStorage open(ControlledLog log, SimpleMeterRegistry registry) {
    // 2 KB entries: the snapshot below is dozens of chunks.
    DurableStorage storage = new DurableStorage(log, new StorageOptions(Duration.ofHours(1), 2048,
        backups, Duration.ofHours(1), 3), Clock.systemUTC(), scheduler, committer, registry);
    opened.add(storage);
    return storage;
  }

  private static Snapshot snapshotOf(DurableStorage storage) {
    return storage.state().toSnapshot(0);
  }

  @Test
  public void writesDuringASnapshot_goBetweenItsChunks_andEveryReaderRecoversThemAll()
      throws Exception {
    ControlledLog log = new ControlledLog();
    DurableStorage follower = open(log);
    follower.start();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DurableStorage leader = open(log, registry);
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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (log.heldAppends() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    // The snapshot's first record holds the slot; these writes queue behind that one record only.
    double submitted = registry.get("scheduler_log_un_snapshotted_transactions").gauge().value();
    CompletableFuture<Void> writes = CompletableFuture.runAsync(
        () -> DurableStorageTest.populate(leader, "b"));
    while (registry.get("scheduler_log_un_snapshotted_transactions").gauge().value() == submitted
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
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
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (follower.state().logPosition() < leader.state().logPosition()
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(snapshotOf(follower)).isEqualTo(before);
    leader.close();

    // Cold recovery from the truncated log: holds the transactions until the snapshot, then
    // applies them on top of it.
    DurableStorage cold = open(log);
    cold.start();
    assertThat(snapshotOf(cold)).isEqualTo(before);
  }
}
