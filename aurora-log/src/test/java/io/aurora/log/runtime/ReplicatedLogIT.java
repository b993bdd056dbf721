package io.aurora.log.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aurora.log.Entry;
import io.aurora.log.LogException;
import io.aurora.log.Position;
import io.aurora.log.QuorumMisconfiguredException;
import io.aurora.log.Reader;
import io.aurora.log.Writer;
import io.aurora.log.WriterFailedException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three replicas in one JVM on 127.0.0.1, real files, real sockets. */
@Timeout(60)
class ReplicatedLogIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path root;

  private static byte[] value(long n) {
    return ByteBuffer.allocate(16).putLong(n).putLong(~n).array();
  }

  private static long valueOf(Entry e) {
    return ByteBuffer.wrap(e.data()).getLong();
  }

  private static List<Position> appendAll(Writer w, long from, int count) throws Exception {
    List<CompletableFuture<Position>> futures = new ArrayList<>();
    for (long i = from; i < from + count; i++) {
      futures.add(w.append(value(i)));
    }
    List<Position> out = new ArrayList<>();
    for (CompletableFuture<Position> f : futures) {
      out.add(f.get(10, TimeUnit.SECONDS));
    }
    return out;
  }

  @Test
  void threeReplicas_appendPipelined_andEveryReplicaReadsAndFollows() throws Exception {
    try (LocalCluster c = new LocalCluster(root, 3, 2)) {
      for (int i = 0; i < 3; i++) {
        c.start(i);
      }
      List<Long> followed = new CopyOnWriteArrayList<>();
      c.logs[2].reader().follow(Position.of(1), e -> followed.add(valueOf(e)), e -> { });
      Writer w = c.logs[0].elect();
      List<Position> positions = appendAll(w, 0, 500);
      assertThat(positions).isSorted().doesNotHaveDuplicates();
      Position last = positions.get(positions.size() - 1);
      for (int i = 0; i < 3; i++) {
        Reader r = c.logs[i].reader();
        await("replica " + i + " learns " + last)
            .atMost(WAIT).until(() -> r.ending().compareTo(last) >= 0);
        List<Entry> entries = r.read(r.beginning(), last);
        assertThat(entries).extracting(ReplicatedLogIT::valueOf)
            .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 500).boxed().toList());
      }
      await("follower sees all").atMost(WAIT).until(() -> followed.size() == 500);
      assertThat(followed).isSorted();
      assertThat(c.registries[0].get("scheduler_log_native_append").timer().count())
          .isEqualTo(500);
    }
  }

  @Test
  void writerFailover_newWriterContinues_oldWriterFails_restartedReplicaCatchesUp()
      throws Exception {
    try (LocalCluster c = new LocalCluster(root, 3, 2)) {
      for (int i = 0; i < 3; i++) {
        c.start(i);
      }
      Writer first = c.logs[0].elect();
      List<Position> before = appendAll(first, 0, 100);
      c.stop(2);
      Writer second = c.logs[1].elect();
      assertThat(first.append(value(-1)))
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(WriterFailedException.class);
      assertThat(first.isActive()).isFalse();
      List<Position> after = appendAll(second, 100, 100);
      assertThat(after.get(0)).isGreaterThan(before.get(before.size() - 1));

      c.start(2); // restarts from its files and catches up
      Position last = after.get(after.size() - 1);
      Reader r = c.logs[2].reader();
      await("restarted replica catches up")
          .atMost(WAIT).until(() -> r.ending().compareTo(last) >= 0);
      assertThat(r.read(Position.of(1), last)).hasSize(200);
    }
  }

  @Test
  void wipedReplica_recoversFromTheOthers_beforeItVotes() throws Exception {
    try (LocalCluster c = new LocalCluster(root, 3, 2)) {
      for (int i = 0; i < 3; i++) {
        c.start(i);
      }
      Writer w = c.logs[0].elect();
      appendAll(w, 0, 50);
      c.stop(2);
      c.wipe(2);
      c.start(2);
      List<Position> more = appendAll(w, 50, 50);
      Position last = more.get(more.size() - 1);
      Reader r = c.logs[2].reader();
      await("wiped replica recovers").atMost(WAIT).until(() -> r.ending().compareTo(last) >= 0);
      assertThat(r.read(Position.of(1), last)).hasSize(100);
      // With replica 0 gone, 1 and the recovered 2 form a quorum that has everything.
      c.stop(0);
      Writer w1 = c.logs[1].elect();
      Position p = w1.append(value(1000)).get(10, TimeUnit.SECONDS);
      assertThat(c.logs[1].reader().read(Position.of(1), p)).hasSize(101);
    }
  }

  @Test
  void truncate_dropsEarlierEntriesOnEveryReplica() throws Exception {
    try (LocalCluster c = new LocalCluster(root, 3, 2)) {
      for (int i = 0; i < 3; i++) {
        c.start(i);
      }
      Writer w = c.logs[0].elect();
      List<Position> ps = appendAll(w, 0, 20);
      Position t = w.truncate(ps.get(10)).get(10, TimeUnit.SECONDS);
      for (int i = 0; i < 3; i++) {
        Reader r = c.logs[i].reader();
        await("truncation learned").atMost(WAIT).until(() -> r.ending().compareTo(t) >= 0);
        assertThat(r.beginning()).isEqualTo(ps.get(10));
        assertThat(r.read(r.beginning(), t)).hasSize(10);
        assertThatThrownBy(() -> r.read(Position.of(1), t)).isInstanceOf(LogException.class);
      }
    }
  }

  @Test
  void quorumGuard_refusesAQuorumThatIsNoMajority() throws Exception {
    try (LocalCluster c = new LocalCluster(root, 3, 1)) {
      c.start(0);
      assertThatThrownBy(() -> c.logs[0].elect())
          .isInstanceOf(QuorumMisconfiguredException.class)
          .hasMessageContaining("-native_log_quorum_size=2");
    }
  }
}
