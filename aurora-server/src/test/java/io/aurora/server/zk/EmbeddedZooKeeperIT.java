package io.aurora.server.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedZooKeeperIT {

  private static final Duration START = Duration.ofSeconds(30);

  @TempDir Path dataDir;

  @Test
  void start_servesOnLoopback_clientWrites_dataSurvivesRestart() throws Exception {
    int firstPort;
    try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(dataDir, 0, START)) {
      firstPort = zk.port();
      assertThat(firstPort).isPositive();
      assertThat(zk.connectString()).isEqualTo("127.0.0.1:" + firstPort);
      try (CuratorFramework client = client(zk)) {
        client
            .create()
            .creatingParentsIfNeeded()
            .forPath("/aurora/x", "hello".getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(accepts(firstPort)).as("port closed after close()").isFalse();

    try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(dataDir, 0, START);
        CuratorFramework client = client(zk)) {
      assertThat(client.getData().forPath("/aurora/x"))
          .asString(StandardCharsets.UTF_8)
          .isEqualTo("hello");
    }
  }

  @Test
  void start_onTakenPort_failsNamingThePort() throws Exception {
    try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(dataDir.resolve("one"), 0, START)) {
      assertThatThrownBy(() -> EmbeddedZooKeeper.start(dataDir.resolve("two"), zk.port(), START))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + zk.port());
      // The first server is unharmed.
      try (CuratorFramework client = client(zk)) {
        assertThat(client.checkExists().forPath("/")).isNotNull();
      }
    }
  }

  @Test
  void tick_boundsTheGrantedSessionTimeout() throws Exception {
    // Sessions last 2 to 20 ticks: with a 100 ms tick a 30 s request is granted 2 s.
    try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(dataDir, 0, START, Duration.ofMillis(100));
        CuratorFramework client = new CuratorClientFactory(new SimpleMeterRegistry())
            .start(ZooKeeperConfig.of(zk.connectString())
                .withSessionTimeout(Duration.ofSeconds(30)), () -> {})) {
      assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
      assertThat(client.getZookeeperClient().getZooKeeper().getSessionTimeout()).isEqualTo(2000);
    }
    assertThatThrownBy(() -> EmbeddedZooKeeper.start(dataDir, 0, START, Duration.ZERO))
        .hasMessageContaining("tick");
  }

  private static CuratorFramework client(EmbeddedZooKeeper zk) throws InterruptedException {
    CuratorFramework client =
        new CuratorClientFactory(new SimpleMeterRegistry())
            .start(ZooKeeperConfig.of(zk.connectString()), () -> {});
    assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
    return client;
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
