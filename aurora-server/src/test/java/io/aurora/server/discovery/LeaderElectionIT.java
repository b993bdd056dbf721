package io.aurora.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.server.zk.ZooKeeperConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leadership survives a short disconnection (SUSPENDED) and ends with the session (LOST). */
class LeaderElectionIT {

  private static final String PATH = "/aurora/scheduler";
  // A short tick lets the server accept a 5 s session (its maximum is 20 ticks), so LOST comes
  // quickly while a restart of the server still fits well inside the session.
  private static final int TICK_MS = 500;
  private static final Duration SESSION = Duration.ofSeconds(5);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private TestingServer zk;
  private Contender contender;
  private final List<ConnectionState> states = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    InstanceSpec spec =
        new InstanceSpec(dir.toFile(), -1, -1, -1, false, 1, TICK_MS, -1, null, "127.0.0.1");
    zk = new TestingServer(spec, true);
    ZooKeeperConfig config =
        ZooKeeperConfig.of(zk.getConnectString())
            .withSessionTimeout(SESSION)
            .withConnectionTimeout(Duration.ofSeconds(1));
    contender = new Contender(config, PATH, "sched-a", 8081, 8082);
    contender.client.getConnectionStateListenable().addListener((c, s) -> states.add(s));
    contender.start();
    await("leading").atMost(WAIT).until(contender.election::isLeader);
  }

  @AfterEach
  void tearDown() throws Exception {
    contender.close();
    zk.close();
  }

  @Test
  void suspended_shorterThanSession_keepsLeadership() throws Exception {
    zk.stop();
    await("SUSPENDED").atMost(WAIT).until(() -> states.contains(ConnectionState.SUSPENDED));
    zk.restart();
    await("RECONNECTED").atMost(WAIT).until(() -> states.contains(ConnectionState.RECONNECTED));

    assertThat(states).doesNotContain(ConnectionState.LOST);
    assertThat(contender.election.isLeader()).isTrue();
    assertThat(contender.defeated).isFalse();
    assertThat(contender.sessionLost).isFalse();
    assertThat(contender.timesLeading).hasValue(1);
  }

  @Test
  void lost_endsLeadership_andTellsBothListeners() throws Exception {
    zk.stop();
    await("LOST").atMost(WAIT).until(() -> states.contains(ConnectionState.LOST));
    // Curator calls connection-state listeners in no fixed order; both must hear of it.
    await("defeated").atMost(WAIT).until(() -> contender.defeated.get());
    await("session-loss hook").atMost(WAIT).until(() -> contender.sessionLost.get());
    await("leadership released").atMost(WAIT).until(() -> !contender.election.isLeader());
  }

  @Test
  void close_whileLeading_deletesTheLockNodeBeforeReturning_soTheNextIsElectedAtOnce()
      throws Exception {
    ZooKeeperConfig config = ZooKeeperConfig.of(zk.getConnectString()).withSessionTimeout(SESSION);
    try (Contender next = new Contender(config, PATH, "sched-b", 9081, 9082).start()) {
      long session = contender.client.getZookeeperClient().getZooKeeper().getSessionId();
      contender.election.close();

      // The session stays open: only the election's own release can let the next one in.
      for (String child : contender.client.getChildren().forPath(PATH)) {
        assertThat(contender.client.checkExists().forPath(PATH + "/" + child).getEphemeralOwner())
            .as(child).isNotEqualTo(session);
      }
      await("the next leading").atMost(Duration.ofSeconds(2)).until(next.election::isLeader);
    }
  }

  @Test
  void close_whileLeading_releasesWithoutDefeat() throws Exception {
    contender.election.close();

    await("leadership released").atMost(WAIT).until(() -> !contender.election.isLeader());
    assertThat(contender.defeated).isFalse();
  }

  @Test
  void monitor_tellsWhenTheLockHoldersNodeGoes_notWhenAContenderBehindItLeaves()
      throws Exception {
    ZooKeeperConfig config = ZooKeeperConfig.of(zk.getConnectString()).withSessionTimeout(SESSION);
    AtomicInteger holderGone = new AtomicInteger();
    try (ServersetMonitor monitor = new ServersetMonitor(contender.client, PATH);
        Contender next = new Contender(config, PATH, "sched-b", 9081, 9082).start();
        Contender last = new Contender(config, PATH, "sched-c", 7081, 7082).start()) {
      monitor.addLockHolderGoneListener(holderGone::incrementAndGet);
      monitor.start();
      assertThat(monitor.awaitInitialized(WAIT)).isTrue();
      await("three lock nodes").atMost(WAIT).until(
          () -> contender.client.getChildren().forPath(PATH).size() == 3);

      last.election.close();    // behind the others in line
      await("two lock nodes").atMost(WAIT).until(
          () -> contender.client.getChildren().forPath(PATH).size() == 2);
      contender.election.close();   // the holder
      await("the next leading").atMost(WAIT).until(next.election::isLeader);
      await("holder gone seen").atMost(WAIT).until(() -> holderGone.get() > 0);
      assertThat(holderGone).hasValue(1);
    }
  }

  @Test
  void lockSequence_readsTheTrailingTenDigits() {
    assertThat(ServersetMonitor.lockSequence("_c_0a1b-lock-0000000042")).isEqualTo(42);
    assertThat(ServersetMonitor.lockSequence("lock-12")).isEqualTo(-1);
    assertThat(ServersetMonitor.lockSequence("_c_0a1b-lock-00000000x2")).isEqualTo(-1);
  }
}
