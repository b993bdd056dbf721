package io.aurora.server.discovery;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.common.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the serverset's {@code member_} nodes and knows the current leader: exactly one member is
 * the leader; zero members (an election in progress) or several (a leader whose session has not yet
 * expired beside its successor) mean the leader is unknown, as in Aurora. Lock nodes of the
 * election, which share the directory, are ignored.
 *
 * <p>A member node whose JSON does not decode still counts as a member (it may be a leader written
 * by a newer scheduler); if it is the only one, the leader is unknown and a warning is logged.
 */
public final class ServersetMonitor implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(ServersetMonitor.class);

  /** What the monitor currently sees. */
  public record Members(Map<String, Optional<ServiceInstance>> byNodeName) {
    public Members {
      byNodeName = Map.copyOf(byNodeName);
    }

    /** The leader when exactly one member exists and decodes. */
    public Optional<ServiceInstance> leader() {
      return byNodeName.size() == 1 ? byNodeName.values().iterator().next() : Optional.empty();
    }
  }

  private final CuratorCache cache;
  private final String serversetPath;
  private final ServersetCodec codec = new ServersetCodec();
  private final CountDownLatch initialized = new CountDownLatch(1);
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> lockHolderGone = new CopyOnWriteArrayList<>();
  private volatile Members members = new Members(Map.of());

  /**
   * @param client a started client
   * @param serversetPath {@code -serverset_path}
   * @throws IllegalArgumentException if the path is not a valid ZooKeeper path
   */
  public ServersetMonitor(CuratorFramework client, String serversetPath) {
    PathUtils.validatePath(serversetPath);
    this.serversetPath = serversetPath;
    this.cache = CuratorCache.build(client, serversetPath);
    cache
        .listenable()
        .addListener(
            CuratorCacheListener.builder()
                .forAll((type, oldData, data) -> refresh())
                .forDeletes(this::deleted)
                .forInitialized(
                    () -> {
                      refresh();
                      initialized.countDown();
                    })
                .build());
  }

  /**
   * Reads the members once, without watching: for a client that only needs to find the leader now
   * (Aurora's client does the same). A missing directory has no members.
   *
   * @throws Exception ZooKeeper errors other than a node vanishing while being read
   */
  public static Members readOnce(CuratorFramework client, String serversetPath) throws Exception {
    PathUtils.validatePath(serversetPath);
    ServersetCodec codec = new ServersetCodec();
    Map<String, Optional<ServiceInstance>> found = new TreeMap<>();
    List<String> children;
    try {
      children = client.getChildren().forPath(serversetPath);
    } catch (KeeperException.NoNodeException e) {
      return new Members(Map.of());
    }
    for (String child : children) {
      if (!child.startsWith(ServersetAnnouncer.MEMBER_PREFIX)) {
        continue;
      }
      try {
        byte[] data = client.getData().forPath(ZKPaths.makePath(serversetPath, child));
        found.put(child, decode(codec, serversetPath + "/" + child, data));
      } catch (KeeperException.NoNodeException e) {
        // The member left between listing and reading: it is no member any more.
      }
    }
    return new Members(found);
  }

  /** Starts watching; see {@link #awaitInitialized}. */
  public void start() {
    cache.start();
  }

  /** Waits until the first full read of the directory; false on timeout. */
  public boolean awaitInitialized(Duration timeout) throws InterruptedException {
    return initialized.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs {@code listener} on a Curator thread after every change of {@link #members()}. */
  public void addListener(Runnable listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Runs {@code listener} on a Curator thread whenever the election's lock holder's node is seen
   * deleted: a lock node of the directory (not a {@code member_}) whose sequence number was below
   * every other lock node's, so its owner led (or was about to), and its session expired or it
   * left the election. The next contender in line is elected on the same deletion.
   */
  public void addLockHolderGoneListener(Runnable listener) {
    lockHolderGone.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The members seen now. */
  public Members members() {
    return members;
  }

  /** The leader, when exactly one member exists and decodes; empty means "no or unknown leader". */
  public Optional<ServiceInstance> leader() {
    return members.leader();
  }

  @Override
  public void close() {
    cache.close();
  }

  private void refresh() {
    Map<String, Optional<ServiceInstance>> found = new TreeMap<>();
    cache.stream()
        .filter(this::isMember)
        .forEach(
            d ->
                found.put(
                    ZKPaths.getNodeFromPath(d.getPath()), decode(codec, d.getPath(), d.getData())));
    Members next = new Members(found);
    if (!next.equals(members)) {
      members = next;
      LOG.info("Serverset {} members: {}", serversetPath, found.keySet());
      listeners.forEach(Runnable::run);
    }
  }

  private void deleted(ChildData gone) {
    ZKPaths.PathAndNode pn = ZKPaths.getPathAndNode(gone.getPath());
    if (!pn.getPath().equals(serversetPath) || isMember(gone)) {
      return;
    }
    long sequence = lockSequence(pn.getNode());
    if (sequence < 0) {
      return;
    }
    boolean wasHolder = cache.stream()
        .filter(d -> !d.getPath().equals(gone.getPath()) && !isMember(d)
            && ZKPaths.getPathAndNode(d.getPath()).getPath().equals(serversetPath))
        .mapToLong(d -> lockSequence(ZKPaths.getNodeFromPath(d.getPath())))
        .allMatch(other -> other < 0 || other > sequence);
    if (wasHolder) {
      lockHolderGone.forEach(Runnable::run);
    }
  }

  /** The sequence number a sequential node's name ends with (ten digits), or -1. */
  static long lockSequence(String node) {
    int digits = 10;
    if (node.length() < digits) {
      return -1;
    }
    String tail = node.substring(node.length() - digits);
    for (int i = 0; i < digits; i++) {
      if (!Character.isDigit(tail.charAt(i))) {
        return -1;
      }
    }
    return Long.parseLong(tail);
  }

  private boolean isMember(ChildData d) {
    ZKPaths.PathAndNode pn = ZKPaths.getPathAndNode(d.getPath());
    return pn.getPath().equals(serversetPath)
        && pn.getNode().startsWith(ServersetAnnouncer.MEMBER_PREFIX);
  }

  private static Optional<ServiceInstance> decode(ServersetCodec codec, String path, byte[] data) {
    try {
      return Optional.of(codec.decode(data == null ? new byte[0] : data));
    } catch (ServersetFormatException e) {
      LOG.warn("Serverset member {} is unreadable: {}", path, e.getMessage());
      return Optional.empty();
    }
  }
}
