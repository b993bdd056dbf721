package io.aurora.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.server.zk.CuratorClientFactory;
import io.aurora.server.zk.ZooKeeperConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;

/**
 * The election and serverset scenario, run against any ZooKeeper: the in-process TestingServer
 * ({@link ElectionScenarioIT}) or a container ({@link ElectionScenarioContainerIT}).
 */
final class ElectionScenario {

  static final String PATH = "/aurora/scheduler";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private ElectionScenario() {}

  static void run(String connectString) throws Exception {
    ZooKeeperConfig config =
        ZooKeeperConfig.of(connectString).withSessionTimeout(Duration.ofSeconds(10));
    CuratorFramework observer =
        new CuratorClientFactory(new SimpleMeterRegistry()).start(config, () -> {});
    try (ServersetMonitor monitor = new ServersetMonitor(observer, PATH);
        Contender a = new Contender(config, PATH, "sched-a.example.com", 8081, 8082);
        Contender b = new Contender(config, PATH, "sched-b.example.com", 9081, 9082)) {
      monitor.start();
      assertThat(monitor.awaitInitialized(WAIT)).isTrue();
      assertThat(monitor.leader()).isEmpty();

      a.start();
      b.start();
      await("one contender leads")
          .atMost(WAIT).until(() -> a.election.isLeader() || b.election.isLeader());
      Contender leader = a.election.isLeader() ? a : b;
      Contender other = leader == a ? b : a;
      assertThat(other.election.isLeader()).isFalse();
      assertThat(other.timesLeading).hasValue(0);
      assertThat(leader.timesLeading).hasValue(1);
      // Electing alone announces nothing: clients only see a leader that is ready.
      assertThat(monitor.members().byNodeName()).isEmpty();

      ServersetAnnouncer announcer = leader.announce(PATH);
      assertThat(announcer.path()).matches(PATH + "/member_\\d{10}");
      String json =
          new String(observer.getData().forPath(announcer.path()), StandardCharsets.UTF_8);
      assertThat(json)
          .isEqualTo(
              "{\"serviceEndpoint\":{\"host\":\""
                  + leader.host
                  + "\",\"port\":"
                  + leader.instance.serviceEndpoint().port()
                  + "},\"additionalEndpoints\":{\"http\":{\"host\":\""
                  + leader.host
                  + "\",\"port\":"
                  + leader.instance.serviceEndpoint().port()
                  + "},\"thrift\":{\"host\":\""
                  + leader.host
                  + "\",\"port\":"
                  + leader.instance.additionalEndpoints().get("thrift").port()
                  + "}},\"status\":\"ALIVE\"}");
      await("monitor sees the leader").atMost(WAIT).until(() -> monitor.leader().isPresent());
      assertThat(monitor.leader()).contains(leader.instance);
      // The election's lock nodes live in the same directory and are not members.
      List<String> children = observer.getChildren().forPath(PATH);
      assertThat(children).hasSizeGreaterThan(1);
      assertThat(monitor.members().byNodeName()).hasSize(1);

      leader.closeSession();
      await("member vanishes with the session")
          .atMost(WAIT).until(() -> monitor.members().byNodeName().isEmpty());
      assertThat(monitor.leader()).isEmpty();
      await("the other contender takes over").atMost(WAIT).until(() -> other.election.isLeader());
      assertThat(other.timesLeading).hasValue(1);
      assertThat(other.defeated).isFalse();
      assertThat(leader.defeated).isFalse();

      other.announce(PATH);
      await("monitor sees the new leader").atMost(WAIT).until(() -> monitor.leader().isPresent());
      assertThat(monitor.leader()).contains(other.instance);
    } finally {
      observer.close();
    }
  }
}
