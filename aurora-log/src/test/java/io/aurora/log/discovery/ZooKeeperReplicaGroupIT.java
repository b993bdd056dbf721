package io.aurora.log.discovery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aurora.log.transport.PeerAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ZooKeeperReplicaGroupIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final AtomicInteger GROUPS = new AtomicInteger();
  private static TestingServer zooKeeper;

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final String path = "/aurora/log-" + GROUPS.incrementAndGet();
  private final PeerAddress a = new PeerAddress("127.0.0.1", 7001);
  private final PeerAddress b = new PeerAddress("127.0.0.1", 7002);

  @BeforeAll
  static void startZooKeeper() throws Exception {
    zooKeeper = new TestingServer(true);
  }

  @AfterAll
  static void stopZooKeeper() throws Exception {
    zooKeeper.close();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private CuratorFramework client() {
    CuratorFramework client = CuratorFrameworkFactory.builder()
        .connectString(zooKeeper.getConnectString())
        .sessionTimeoutMs(10_000)
        .connectionTimeoutMs(5_000)
        .retryPolicy(new RetryOneTime(100))
        .build();
    client.start();
    toClose.add(client);
    return client;
  }

  /** Every member set a group's listener was told, in order. */
  private static final class Seen {
    final LinkedBlockingQueue<Set<PeerAddress>> sets = new LinkedBlockingQueue<>();

    /** Takes member sets in order until one matches. */
    Set<PeerAddress> awaitMatching(Predicate<Set<PeerAddress>> wanted) {
      return await("a matching member set").atMost(WAIT).pollInterval(Duration.ofMillis(1))
          .until(() -> sets.poll(100, TimeUnit.MILLISECONDS), next -> next != null && wanted.test(next));
    }
  }

  private ZooKeeperReplicaGroup join(CuratorFramework client, PeerAddress self, Seen seen) {
    ZooKeeperReplicaGroup group = new ZooKeeperReplicaGroup(client, path, self);
    toClose.add(group);
    group.start(seen.sets::add);
    return group;
  }

  @Test
  void twoReplicas_seeEachOther_andAClosedOneDisappears() throws Exception {
    Seen seenByA = new Seen();
    Seen seenByB = new Seen();
    ZooKeeperReplicaGroup groupA = join(client(), a, seenByA);
    assertThat(groupA.awaitRegistered(WAIT)).isTrue();
    ZooKeeperReplicaGroup groupB = join(client(), b, seenByB);

    seenByA.awaitMatching(Set.of(a, b)::equals);
    seenByB.awaitMatching(Set.of(a, b)::equals);
    assertThat(groupA.members()).containsExactlyInAnyOrder(a, b);

    groupB.close();
    seenByA.awaitMatching(Set.of(a)::equals);
    assertThat(groupA.members()).containsExactly(a);
  }

  @Test
  void aReplicaWhoseSessionEnds_disappears_thenRegistersAgain() throws Exception {
    Seen seenByA = new Seen();
    CuratorFramework clientB = client();
    join(client(), a, seenByA);
    ZooKeeperReplicaGroup groupB = join(clientB, b, new Seen());
    assertThat(groupB.awaitRegistered(WAIT)).isTrue();
    seenByA.awaitMatching(Set.of(a, b)::equals);

    endSessionOnServer(clientB);

    seenByA.awaitMatching(Set.of(a)::equals);
    seenByA.awaitMatching(Set.of(a, b)::equals);
  }

  /**
   * Ends a client's session on the server, as an expiry does: a second connection that presents the
   * same session id and password, then closes, closes the session and deletes its ephemeral nodes.
   */
  private static void endSessionOnServer(CuratorFramework client) throws Exception {
    ZooKeeper zk = client.getZookeeperClient().getZooKeeper();
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper twin = new ZooKeeper(zooKeeper.getConnectString(), 10_000, event -> {
      if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    }, zk.getSessionId(), zk.getSessionPasswd());
    // A twin closed before it has connected never tells the server, and the session lives on:
    // on a loaded machine that made this test flaky.
    assertThat(connected.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    twin.close();
  }

  @Test
  void childrenThatAreNotAddresses_areSkipped() throws Exception {
    CuratorFramework client = client();
    client.create().creatingParentContainersIfNeeded()
        .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
        .forPath(path + "/replica_", "not an address".getBytes(UTF_8));
    Seen seen = new Seen();
    ZooKeeperReplicaGroup group = join(client, a, seen);
    seen.awaitMatching(Set.of(a)::equals);
    assertThat(group.members()).containsExactly(a);
  }

  @Test
  void start_twice_isRefused_andCloseBeforeStartIsFine() {
    CuratorFramework client = client();
    ZooKeeperReplicaGroup group = join(client, a, new Seen());
    assertThatThrownBy(() -> group.start(members -> {}))
        .isInstanceOf(IllegalStateException.class);
    new ZooKeeperReplicaGroup(client, path, b).close();
    assertThatThrownBy(() -> new ZooKeeperReplicaGroup(client, "relative", a))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative");
  }
}
