package io.aurora.server.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CuratorClientFactoryIT {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TestingServer zk;

  @BeforeEach
  void setUp() throws Exception {
    zk = new TestingServer();
  }

  @AfterEach
  void tearDown() throws Exception {
    zk.close();
  }

  @Test
  void start_connects_andConnectedGaugeIsOne() throws Exception {
    try (CuratorFramework client =
        new CuratorClientFactory(registry)
            .start(ZooKeeperConfig.of(zk.getConnectString()), () -> {})) {
      assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
      client
          .create()
          .creatingParentsIfNeeded()
          .forPath("/a/b", "x".getBytes(StandardCharsets.UTF_8));

      assertThat(client.getData().forPath("/a/b")).asString(StandardCharsets.UTF_8).isEqualTo("x");
      assertThat(registry.get("zk_connection_state_CONNECTED").gauge().value()).isEqualTo(1);
      assertThat(registry.get("zk_connection_state_CONNECTED_counter").counter().count())
          .isEqualTo(1);
      assertThat(registry.get("zk_connection_state_LOST").gauge().value()).isZero();
    }
  }

  @Test
  void chrootAndCredentials_nodesLiveUnderChroot_readableByAll_writableOnlyByUs() throws Exception {
    ZooKeeperConfig config =
        ZooKeeperConfig.of(zk.getConnectString())
            .withChrootPath("/prod/aurora")
            .withCredentials(DigestCredentials.parse("aurora:secret"));
    try (CuratorFramework client = new CuratorClientFactory(registry).start(config, () -> {});
        CuratorFramework anonymous =
            CuratorFrameworkFactory.newClient(zk.getConnectString(), new RetryOneTime(100))) {
      anonymous.start();
      client
          .create()
          .creatingParentsIfNeeded()
          .forPath("/scheduler/node", "v".getBytes(StandardCharsets.UTF_8));

      List<ACL> acl = anonymous.getACL().forPath("/prod/aurora/scheduler/node");
      assertThat(acl).hasSize(2);
      assertThat(acl.get(0)).isEqualTo(new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE));
      assertThat(acl.get(1).getPerms()).isEqualTo(ZooDefs.Perms.ALL);
      assertThat(acl.get(1).getId().getScheme()).isEqualTo("digest");
      assertThat(acl.get(1).getId().getId()).startsWith("aurora:");
      assertThat(anonymous.getData().forPath("/prod/aurora/scheduler/node"))
          .asString(StandardCharsets.UTF_8)
          .isEqualTo("v");
      assertThatThrownBy(
              () -> anonymous.setData().forPath("/prod/aurora/scheduler/node", new byte[0]))
          .isInstanceOf(KeeperException.NoAuthException.class);
    }
  }
}
