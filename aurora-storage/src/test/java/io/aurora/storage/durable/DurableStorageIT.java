package io.aurora.storage.durable;

import static io.aurora.storage.StoreFixtures.instances;
import static io.aurora.storage.StoreFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.common.net.HostAndPort;
import io.aurora.gen.storage.Snapshot;
import io.aurora.log.LogOptions;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.runtime.ReplicatedLogs;
import io.aurora.log.testing.FreePorts;
import io.aurora.storage.StorageOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable storage over the real replicated log: files, fsync and loopback sockets. */
class DurableStorageIT {
  @TempDir
  Path root;

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final List<HostAndPort> addresses = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (RuntimeException e) {
        // Some were closed by the test already; a second close may complain (see the report).
      }
    }
    scheduler.shutdownNow();
    committer.shutdownNow();
  }

  private void ports(int replicas) {
    addresses.addAll(FreePorts.addresses(replicas));
  }

  private ReplicatedLog openLog(int i) throws Exception {
    int quorum = addresses.size() / 2 + 1;
    LogOptions options = LogOptions.of(quorum, Files.createDirectories(root.resolve("r" + i)),
            addresses.get(i), addresses)
        .withTimeouts(Duration.ofSeconds(2), 10, Duration.ofSeconds(3), Duration.ofSeconds(3))
        .withTickInterval(Duration.ofMillis(20));
    ReplicatedLog log = ReplicatedLogs.open(options, new SimpleMeterRegistry(), Optional.empty());
    opened.add(log);
    return log;
  }

  private DurableStorage storage(ReplicatedLog log, long maxEntrySize) throws Exception {
    StorageOptions options = new StorageOptions(Duration.ofHours(1), maxEntrySize,
        Files.createDirectories(root.resolve("backups")), Duration.ofHours(1), 2);
    DurableStorage storage = new DurableStorage(log, options, Clock.systemUTC(), scheduler,
        committer, new SimpleMeterRegistry());
    opened.add(storage);
    return storage;
  }

  private static String noise(int seed) {
    byte[] bytes = new byte[3000];
    new Random(seed).nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static Snapshot snapshotOf(DurableStorage storage) {
    return storage.state().toSnapshot(0);
  }

  @Test
  public void oneReplica_committedWritesSnapshotsAndFrames_surviveRestart() throws Exception {
    ports(1);
    ReplicatedLog log = openLog(0);
    DurableStorage first = storage(log, 1024);
    first.start();
    first.lead();
    DurableStorageTest.populate(first, "a");
    first.write(s -> {
      s.taskStore().saveTasks(instances(job("big"), 3, noise(1)));
      return null;
    });
    first.snapshot();
    DurableStorageTest.populate(first, "b");
    Snapshot before = snapshotOf(first);
    first.close();
    log.close();

    ReplicatedLog reopened = openLog(0);
    DurableStorage second = storage(reopened, 1024);
    second.start();
    assertThat(snapshotOf(second)).isEqualTo(before);
    second.lead();
    assertThat(snapshotOf(second)).isEqualTo(before);
  }

  @Test
  public void threeReplicas_followerHoldsLeadersState_andTakesOverWithoutReplay()
      throws Exception {
    ports(3);
    ReplicatedLog log0 = openLog(0);
    ReplicatedLog log1 = openLog(1);
    openLog(2);
    DurableStorage follower = storage(log1, 2048);
    follower.start();
    DurableStorage leader = storage(log0, 2048);
    leader.start();
    leader.lead();

    for (String name : List.of("a", "b", "c")) {
      DurableStorageTest.populate(leader, name);
      if (name.equals("b")) {
        leader.write(s -> {
          s.taskStore().saveTasks(instances(job("big"), 2, noise(2)));
          return null;
        });
        leader.snapshot();
      }
      awaitPosition(follower, leader.state().logPosition());
      assertThat(snapshotOf(follower)).isEqualTo(snapshotOf(leader));
    }
    Snapshot before = snapshotOf(leader);
    leader.close();
    log0.close();

    follower.lead();
    assertThat(follower.entriesReadOnLastLead()).isZero();
    assertThat(snapshotOf(follower).setLogPosition(0)).isEqualTo(before.setLogPosition(0));
    DurableStorageTest.populate(follower, "d");
    assertThat(follower.state().taskCount()).isEqualTo(before.getTasksSize() + 4);
  }

  private static void awaitPosition(DurableStorage follower, long position) {
    await("the follower to apply position " + position).atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(5)).until(() -> follower.state().logPosition() >= position);
  }
}
