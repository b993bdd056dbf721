package io.aurora.server.localmesos;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.http.HttpDriver;
import io.aurora.scheduling.mesos.http.MasterDetector;
import io.aurora.scheduling.mesos.http.MasterDetectors;
import io.aurora.scheduling.mesos.http.MesosClientOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Master discovery through ZooKeeper, the way Mesos masters publish themselves: the client finds
 * the leader from the lowest {@code json.info_} node and follows it to a new leader, keeping its
 * framework id.
 */
class ZooKeeperDiscoveryIT {
  @TempDir Path workDir;

  @Test
  void followsTheLeaderInZooKeeper() throws Exception {
    ExecutorService zkEvents = Executors.newSingleThreadExecutor();
    try (TestingServer zk = new TestingServer(true);
        CuratorFramework client = CuratorFrameworkFactory.newClient(
            zk.getConnectString(), new RetryOneTime(100));
        LocalMesos first = LocalMesos.start(
            MesosTesting.options(workDir.resolve("a"), Duration.ofSeconds(1)), Clock.systemUTC());
        LocalMesos second = LocalMesos.start(
            MesosTesting.options(workDir.resolve("b"), Duration.ofSeconds(1)), Clock.systemUTC());
        MasterDetector detector = MasterDetectors.forAddress(
            "zk://" + zk.getConnectString() + "/mesos", zkEvents)) {
      client.start();
      String firstNode = register(client, first);
      register(client, second);

      HttpDriver driver = new HttpDriver(
          FrameworkOptions.of("zk-test", "root", Duration.ofSeconds(60)).toFrameworkInfo(),
          MesosClientOptions.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
          detector, HttpDriver.newHttpClient(Duration.ofSeconds(5)),
          Executors.newSingleThreadScheduledExecutor());
      try {
        RecordingListener events = new RecordingListener().autoAcknowledge(driver);
        driver.subscribe(Optional.empty(), events);
        RecordingListener.Subscribed subscribed = events.await(RecordingListener.Subscribed.class);
        assertThat(subscribed.masterInfo().getId()).isEqualTo(first.masterInfo().getId());
        FrameworkID id = subscribed.frameworkId();

        client.delete().forPath(firstNode);   // the leader's ZooKeeper session ended
        RecordingListener.Subscribed moved =
            events.await(RecordingListener.Subscribed.class, s -> true, 2);
        assertThat(moved.masterInfo().getId()).isEqualTo(second.masterInfo().getId());
        assertThat(moved.frameworkId()).isEqualTo(id);
      } finally {
        driver.stop();
      }
    } finally {
      zkEvents.shutdownNow();
    }
  }

  private static String register(CuratorFramework client, LocalMesos master) throws Exception {
    String json = JsonFormat.printer().preservingProtoFieldNames().print(master.masterInfo());
    return client.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
        .forPath("/mesos/json.info_", json.getBytes(UTF_8));
  }
}
