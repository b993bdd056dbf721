package io.aurora.log.discovery;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.aurora.log.transport.PeerAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica group kept in ZooKeeper through Curator.
 *
 * <p>Each replica owns one EPHEMERAL_SEQUENTIAL child of the group path whose data is its advertised
 * address as UTF-8 {@code host:port}. Curator's {@link PersistentNode} creates it (with the group
 * path's parents, as containers) and creates it again whenever it disappears, e.g. after the
 * session expired and a new one was established, so a replica stays registered for as long as this
 * object is open. A {@link CuratorCache} watches the group; on every change the member set is read
 * again from the cache, and the listener is told when it differs from what it was last told.
 * Children whose data is not an address are skipped with a warning, and two children with the same
 * address (a replica restarted before its old session expired) count once.
 */
public final class ZooKeeperReplicaGroup implements ReplicaGroup {
  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperReplicaGroup.class);
  private static final String NODE_PREFIX = "replica_";

  private final String groupPath;
  private final PersistentNode node;
  private final CuratorCache cache;
  private Listener listener;
  private boolean initialized;
  private boolean closed;
  private volatile Set<PeerAddress> members = Set.of();

  /**
   * @param curator a started client; the caller owns it and closes it after this group
   * @param groupPath the group's znode, e.g. {@code /aurora/replicated-log}; created if missing
   * @param self this replica's advertised address, registered as the node's data
   */
  public ZooKeeperReplicaGroup(CuratorFramework curator, String groupPath, PeerAddress self) {
    Objects.requireNonNull(curator, "curator");
    Objects.requireNonNull(self, "self");
    checkArgument(groupPath != null && groupPath.startsWith("/") && groupPath.length() > 1,
        "group path must be an absolute znode path, got '%s'", groupPath);
    this.groupPath = ZKPaths.fixForNamespace(null, groupPath);
    // Protection: a create that succeeded on a connection that then dropped is found, not repeated.
    this.node = new PersistentNode(curator, CreateMode.EPHEMERAL_SEQUENTIAL, true,
        ZKPaths.makePath(this.groupPath, NODE_PREFIX), self.toString().getBytes(UTF_8));
    this.cache = CuratorCache.build(curator, this.groupPath);
  }

  @Override
  public void start(Listener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (this) {
      checkState(this.listener == null, "group already started");
      checkState(!closed, "group closed");
      this.listener = listener;
    }
    cache.listenable().addListener(new CuratorCacheListener() {
      @Override
      public void event(Type type, ChildData oldData, ChildData data) {
        refresh(false);
      }

      @Override
      public void initialized() {
        refresh(true);
      }
    });
    node.start();
    cache.start();
  }

  /**
   * Waits until this replica's node exists in ZooKeeper.
   *
   * @return false if it was not created within {@code timeout}
   */
  public boolean awaitRegistered(Duration timeout) throws InterruptedException {
    return node.waitForInitialCreate(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void refresh(boolean initializing) {
    if (closed) {
      return;
    }
    initialized |= initializing;
    if (!initialized) {
      return;
    }
    Set<PeerAddress> current = cache.stream()
        .filter(child -> isMember(child.getPath()))
        .map(this::address)
        .filter(Objects::nonNull)
        .collect(Collectors.toUnmodifiableSet());
    if (initializing || !current.equals(members)) {
      members = current;
      try {
        listener.onMembers(current);
      } catch (RuntimeException e) {
        LOG.error("Replica group listener failed on {}", current, e);
      }
    }
  }

  private boolean isMember(String path) {
    return groupPath.equals(ZKPaths.getPathAndNode(path).getPath())
        && ZKPaths.getNodeFromPath(path).contains(NODE_PREFIX);
  }

  private PeerAddress address(ChildData child) {
    byte[] data = child.getData();
    try {
      return PeerAddress.parse(new String(data == null ? new byte[0] : data, UTF_8));
    } catch (IllegalArgumentException e) {
      LOG.warn("Skipping replica group member {}: {}", child.getPath(), e.getMessage());
      return null;
    }
  }

  @Override
  public Set<PeerAddress> members() {
    return members;
  }

  /** Removes this replica's node and stops watching. The Curator client stays open. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    cache.close();
    try {
      node.close();
    } catch (IOException e) {
      LOG.warn("Cannot remove replica node {} from {}: {}", node.getActualPath(), groupPath,
          e.toString());
    }
  }
}
