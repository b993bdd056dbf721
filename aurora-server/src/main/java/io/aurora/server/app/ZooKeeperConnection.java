package io.aurora.server.app;

import io.aurora.server.zk.ZooKeeperConfig;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;

/** The first connection to ZooKeeper, which a start waits for with a deadline. */
final class ZooKeeperConnection {
  private ZooKeeperConnection() {}

  /**
   * Waits up to {@code -zk_connection_timeout} for {@code curator} to connect; on a timeout or an
   * interrupt (a stop signal) closes it and throws a {@link StartupFault} naming the endpoints.
   */
  static void await(CuratorFramework curator, ZooKeeperConfig config) {
    long ms = config.connectionTimeout().toMillis();
    boolean connected;
    try {
      connected = curator.blockUntilConnected((int) ms, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      curator.close();
      throw new StartupFault("stopped while connecting to ZooKeeper at "
          + config.connectString(), e);
    }
    if (!connected) {
      curator.close();
      throw new StartupFault("cannot connect to ZooKeeper at " + config.connectString()
          + " within " + ms + " ms (-zk_endpoints, -zk_connection_timeout): check that the"
          + " ensemble runs and that the endpoints are right");
    }
  }
}
