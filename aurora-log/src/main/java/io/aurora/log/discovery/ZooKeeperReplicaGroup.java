package io.aurora.log.discovery;

import io.aurora.log.transport.PeerAddress;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;

/** A replica group kept in ZooKeeper through Curator. Implementation follows in the next commit. */
public final class ZooKeeperReplicaGroup implements ReplicaGroup {

  /**
   * @param curator a started client; the caller owns it and closes it after this group
   * @param groupPath the group's znode, e.g. {@code /aurora/replicated-log}; created if missing
   * @param self this replica's advertised address, registered as the node's data
   */
  public ZooKeeperReplicaGroup(CuratorFramework curator, String groupPath, PeerAddress self) {
    throw new UnsupportedOperationException("TODO(log-io): implementation in the next commit");
  }

  @Override public void start(Listener listener) {}
  @Override public Set<PeerAddress> members() { return Set.of(); }
  @Override public void close() {}
}
