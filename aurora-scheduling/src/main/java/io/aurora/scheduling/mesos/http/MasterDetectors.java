package io.aurora.scheduling.mesos.http;

import java.util.concurrent.Executor;

/** Picks the {@link MasterDetector} for a {@code -mesos_master_address} value. */
public final class MasterDetectors {
  private MasterDetectors() {}

  /**
   * {@code zk://[user:pass@]host:port,.../path} watches ZooKeeper; {@code host:port} (or
   * {@code http://host:port}) is a fixed master whose 307s are followed. The embedded master
   * ({@code local}) is started by the server, which then passes its {@code 127.0.0.1:port}.
   *
   * @param executor runs ZooKeeper watch handling (unused for a fixed address)
   */
  public static MasterDetector forAddress(String address, Executor executor) {
    if (ZkUrl.isZkUrl(address)) {
      return ZooKeeperMasterDetector.connect(ZkUrl.parse(address), executor);
    }
    return new StaticMasterDetector(address);
  }
}
