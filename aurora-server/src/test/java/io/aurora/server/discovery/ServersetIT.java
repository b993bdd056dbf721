package io.aurora.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aurora.server.zk.CuratorClientFactory;
import io.aurora.server.zk.ZooKeeperConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The announcer and the monitor against a real ZooKeeper, beyond the happy path of the scenario.
 */
class ServersetIT {

  private static final String PATH = "/aurora/scheduler";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ServiceInstance A =
      ServiceInstance.scheduler("a.example.com", 8081, "http", 8082);
  private static final ServiceInstance B =
      ServiceInstance.scheduler("b.example.com", 8081, "http", 8082);

  private TestingServer zk;
  private CuratorFramework client;
  private ServersetMonitor monitor;

  @BeforeEach
  void setUp() throws Exception {
    zk = new TestingServer();
    client =
        new CuratorClientFactory(new SimpleMeterRegistry())
            .start(ZooKeeperConfig.of(zk.getConnectString()), () -> {});
    assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
    monitor = new ServersetMonitor(client, PATH);
    monitor.start();
    assertThat(monitor.awaitInitialized(WAIT)).isTrue();
  }

  @AfterEach
  void tearDown() throws Exception {
    monitor.close();
    client.close();
    zk.close();
  }

  @Test
  void announcer_recreatesItsNodeWhenDeleted() throws Exception {
    try (ServersetAnnouncer announcer = ServersetAnnouncer.announce(client, PATH, A, WAIT)) {
      String first = announcer.path();
      client.delete().forPath(first);

      // Curator recreates the node under the name it already had, so clients see the same member.
      await("member recreated").atMost(WAIT).until(() -> exists(first));
      assertThat(announcer.path()).isEqualTo(first);
      await("monitor sees it").atMost(WAIT).until(() -> monitor.leader().isPresent());
      assertThat(monitor.leader()).contains(A);
    }
  }

  @Test
  void announcer_close_withdrawsTheMember() throws Exception {
    ServersetAnnouncer announcer = ServersetAnnouncer.announce(client, PATH, A, WAIT);
    await("monitor sees it").atMost(WAIT).until(() -> monitor.leader().isPresent());

    announcer.close();

    await("member gone").atMost(WAIT).until(() -> monitor.members().byNodeName().isEmpty());
    assertThat(client.getChildren().forPath(PATH)).isEmpty();
  }

  @Test
  void announce_withoutZooKeeper_timesOutWithMessage() throws Exception {
    zk.stop();

    assertThatThrownBy(() -> ServersetAnnouncer.announce(client, PATH, A, Duration.ofMillis(500)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was not created within");
  }

  @Test
  void monitor_twoMembers_leaderUnknown_untilOneLeaves() throws Exception {
    AtomicInteger changes = new AtomicInteger();
    monitor.addListener(changes::incrementAndGet);
    try (ServersetAnnouncer a = ServersetAnnouncer.announce(client, PATH, A, WAIT)) {
      ServersetAnnouncer b = ServersetAnnouncer.announce(client, PATH, B, WAIT);
      await("two members").atMost(WAIT).until(() -> monitor.members().byNodeName().size() == 2);
      assertThat(monitor.leader()).isEmpty();

      b.close();

      await("one member").atMost(WAIT).until(() -> monitor.members().byNodeName().size() == 1);
      assertThat(monitor.leader()).contains(A);
      assertThat(changes.get()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void monitor_unreadableMember_countsAsMember_butNoLeader() throws Exception {
    client
        .create()
        .creatingParentsIfNeeded()
        .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
        .forPath(PATH + "/member_", "{\"status\":\"ALIVE\"}".getBytes(StandardCharsets.UTF_8));
    client.create().withMode(CreateMode.EPHEMERAL).forPath(PATH + "/not-a-member", new byte[0]);

    await("member seen").atMost(WAIT).until(() -> monitor.members().byNodeName().size() == 1);
    assertThat(monitor.members().byNodeName().values()).containsExactly(java.util.Optional.empty());
    assertThat(monitor.leader()).isEmpty();
  }

  @Test
  void readOnce_findsTheLeaderWithoutWatching() throws Exception {
    assertThat(ServersetMonitor.readOnce(client, "/no/such/serverset").leader()).isEmpty();

    try (ServersetAnnouncer a = ServersetAnnouncer.announce(client, PATH, A, WAIT)) {
      client
          .create()
          .withMode(CreateMode.EPHEMERAL)
          .forPath(PATH + "/_c_lock-0000000001", new byte[0]);

      ServersetMonitor.Members members = ServersetMonitor.readOnce(client, PATH);

      assertThat(members.byNodeName()).containsOnlyKeys(a.path().substring(PATH.length() + 1));
      assertThat(members.leader()).contains(A);
      try (ServersetAnnouncer b = ServersetAnnouncer.announce(client, PATH, B, WAIT)) {
        assertThat(ServersetMonitor.readOnce(client, PATH).leader()).isEmpty();
      }
    }
  }

  @Test
  void monitor_badPath_isRejected() {
    assertThatThrownBy(() -> new ServersetMonitor(client, "aurora/"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private boolean exists(String path) {
    try {
      return client.checkExists().forPath(path) != null;
    } catch (Exception e) {
      return false;
    }
  }
}
