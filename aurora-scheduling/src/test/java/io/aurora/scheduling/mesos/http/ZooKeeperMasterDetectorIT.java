package io.aurora.scheduling.mesos.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZooKeeperMasterDetectorIT {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private TestingServer zk;
  private CuratorFramework client;

  @AfterEach
  void tearDown() throws Exception {
    executor.shutdownNow();
    if (client != null) {
      client.close();
    }
    if (zk != null) {
      zk.close();
    }
  }

  @Test
  void followsLowestJsonInfoNode() throws Exception {
    zk = new TestingServer(true);
    client = CuratorFrameworkFactory.newClient(zk.getConnectString(), new RetryOneTime(100));
    client.start();
    try (ZooKeeperMasterDetector detector = ZooKeeperMasterDetector.connect(
        ZkUrl.parse("zk://" + zk.getConnectString() + "/mesos"), executor)) {
      Semaphore changes = new Semaphore(0);
      detector.onChange(changes::release);
      assertThat(detector.leader()).isEmpty();

      client.create().creatingParentsIfNeeded().forPath("/mesos/log_replicas");
      String first = register("{\"id\":\"m1\",\"ip\":16777343,\"port\":5050,"
          + "\"address\":{\"hostname\":\"m1.example\",\"ip\":\"127.0.0.1\",\"port\":5051},"
          + "\"version\":\"1.11.0\",\"unknown_field\":true}");
      // Deprecated fields only: ip is network byte order read as an int (10.0.0.11).
      register("{\"id\":\"m2\",\"ip\":184549386,\"port\":5052}");
      assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      assertThat(detector.leader()).contains(URI.create("http://m1.example:5051"));

      changes.drainPermits();
      client.delete().forPath(first);
      assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      assertThat(detector.leader()).isEqualTo(Optional.of(URI.create("http://10.0.0.11:5052")));
    }
  }

  private String register(String json) throws Exception {
    return client.create().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
        .forPath("/mesos/json.info_", json.getBytes(UTF_8));
  }
}
