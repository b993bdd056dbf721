package io.aurora.log.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.log.LogOptions;
import io.aurora.log.Position;
import io.aurora.log.QuorumMisconfiguredException;
import io.aurora.log.Reader;
import io.aurora.log.Writer;
import io.aurora.log.testing.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Replicas that find each other through a ZooKeeper group (Curator's in-process server). */
@Timeout(90)
class ZooKeeperGroupLogIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path root;

  @Test
  void replicasFoundThroughZooKeeper_replicate_andTheGuardCountsTheGroup() throws Exception {
    List<LoopBackedLog> logs = new ArrayList<>();
    try (TestingServer zk = new TestingServer(true);
        CuratorFramework curator = CuratorFrameworkFactory.newClient(zk.getConnectString(),
            new RetryOneTime(100))) {
      curator.start();
      try {
        replicateAndGuard(curator, logs);
      } finally {
        logs.forEach(LoopBackedLog::close); // before the client they registered through
      }
    }
  }

  private void replicateAndGuard(CuratorFramework curator, List<LoopBackedLog> logs)
      throws Exception {
    {
      for (int i = 0; i < 3; i++) {
        logs.add(open(curator, i, 2));
      }
      Writer w = logs.get(0).elect();
      Position p = null;
      for (int i = 0; i < 20; i++) {
        p = w.append(("e" + i).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
      }
      for (LoopBackedLog log : logs) {
        Reader r = log.reader();
        Position last = p;
        await("a replica to learn " + last)
            .atMost(WAIT).until(() -> r.ending().compareTo(last) >= 0);
        assertThat(r.read(Position.of(1), last)).hasSize(20);
      }

      // Two more replicas join the group with the same (now too small) quorum.
      logs.add(open(curator, 3, 2));
      logs.add(open(curator, 4, 2));
      // Each replica learns of the group change on its own ZooKeeper watch: wait for both.
      for (int i : new int[] {0, 1}) {
        assertThat(refusedOnceTheGroupGrows(logs.get(i))).as("replica " + i)
            .isInstanceOf(QuorumMisconfiguredException.class)
            .hasMessageContaining("-native_log_quorum_size=3");
      }
    }
  }

  /** Tries to elect {@code log} until the guard refuses (the group change has reached it). */
  private static Throwable refusedOnceTheGroupGrows(LoopBackedLog log) {
    return await("the guard to refuse once the group grows").atMost(WAIT)
        .pollInterval(Duration.ofMillis(100)).until(() -> {
          try {
            log.elect().close();
            return null; // the group change has not reached this replica yet
          } catch (QuorumMisconfiguredException e) {
            return e;
          }
        }, Objects::nonNull);
  }

  private LoopBackedLog open(CuratorFramework curator, int i, int quorum) throws Exception {
    LogOptions options = LogOptions.of(quorum, root.resolve("r" + i),
            FreePorts.addresses(1).get(0), List.of())
        .withZkGroupPath("/aurora/native-log")
        .withTimeouts(Duration.ofSeconds(2), 10, Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withTickInterval(Duration.ofMillis(20));
    return ReplicatedLogs.open(options, new SimpleMeterRegistry(), Optional.of(curator));
  }
}
