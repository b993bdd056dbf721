package io.aurora.scheduling.mesos.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the leading Mesos master in ZooKeeper the way Mesos does: every master contends with an
 * ephemeral sequential child {@code json.info_<seq>} of the path holding its MasterInfo as JSON;
 * the leader is the child with the smallest sequence number. Children whose suffix after the last
 * {@code _} is not a number (e.g. {@code log_replicas}) are not contenders.
 *
 * <p>A watch on the children reports changes through {@link #onChange}; {@link #leader()} always
 * reads the current state.
 */
public final class ZooKeeperMasterDetector implements MasterDetector {
  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperMasterDetector.class);
  private static final String LABEL = "json.info";

  private final CuratorFramework client;
  private final boolean ownsClient;
  private final String path;
  private final Executor executor;
  private volatile Runnable callback = () -> { };
  private volatile boolean closed;

  /**
   * Watches {@code path} through an already started {@code client}.
   *
   * @param executor runs watch handling off ZooKeeper's event thread
   */
  public ZooKeeperMasterDetector(CuratorFramework client, String path, Executor executor) {
    this(client, false, path, executor);
  }

  private ZooKeeperMasterDetector(
      CuratorFramework client, boolean ownsClient, String path, Executor executor) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.path = path;
    this.executor = executor;
    executor.execute(this::watch);
  }

  /** Connects to the ZooKeeper ensemble of {@code url} with a client this detector owns. */
  public static ZooKeeperMasterDetector connect(ZkUrl url, Executor executor) {
    CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
        .connectString(url.servers())
        .retryPolicy(new ExponentialBackoffRetry(500, 10, 15_000));
    url.credentials().ifPresent(
        c -> builder.authorization("digest", c.getBytes(StandardCharsets.UTF_8)));
    CuratorFramework client = builder.build();
    client.start();
    return new ZooKeeperMasterDetector(client, true, url.path(), executor);
  }

  @Override
  public Optional<URI> leader() {
    try {
      List<String> children = client.getChildren().forPath(path);
      Optional<String> lowest = children.stream()
          .filter(c -> sequence(c) >= 0 && c.startsWith(LABEL + "_"))
          .min(Comparator.comparingLong(ZooKeeperMasterDetector::sequence));
      if (lowest.isEmpty()) {
        return Optional.empty();
      }
      byte[] data = client.getData().forPath(path + "/" + lowest.get());
      return Optional.of(baseUri(parse(data)));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();   // no master registered yet, or the leader just went away
    } catch (Exception e) {
      LOG.warn("Cannot read the Mesos leader from ZooKeeper {}: {}", path, e.toString());
      return Optional.empty();
    }
  }

  @Override
  public void onChange(Runnable newCallback) {
    this.callback = newCallback;
  }

  @Override
  public void close() {
    closed = true;
    if (ownsClient) {
      client.close();
    }
  }

  /** Sets a one-shot watch on the children (or on the path's creation) and re-arms on firing. */
  private void watch() {
    if (closed) {
      return;
    }
    Watcher watcher = event -> executor.execute(() -> {
      if (!closed) {
        callback.run();
        watch();
      }
    });
    try {
      if (client.checkExists().usingWatcher(watcher).forPath(path) != null) {
        // Both watches may fire; the callback is idempotent, so that is harmless.
        client.getChildren().usingWatcher(watcher).forPath(path);
      }
    } catch (KeeperException.NoNodeException e) {
      // Deleted between the two calls: the exists watch is set and will fire on creation.
    } catch (Exception e) {
      if (!closed) {
        LOG.warn("Cannot watch {} in ZooKeeper: {}", path, e.toString());
      }
    }
  }

  /** The number after the last {@code _}, or -1 if the child is not a contender. */
  static long sequence(String child) {
    int underscore = child.lastIndexOf('_');
    if (underscore < 0) {
      return -1;
    }
    try {
      return Long.parseLong(child.substring(underscore + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static MasterInfo parse(byte[] json) throws InvalidProtocolBufferException {
    MasterInfo.Builder info = MasterInfo.newBuilder();
    JsonFormat.parser().ignoringUnknownFields()
        .merge(new String(json, StandardCharsets.UTF_8), info);
    return info.buildPartial();
  }

  /** Prefers {@code address} (hostname, else ip), falling back to the deprecated fields. */
  static URI baseUri(MasterInfo info) {
    String host;
    int port;
    if (info.hasAddress() && info.getAddress().hasPort()) {
      host = info.getAddress().hasHostname() ? info.getAddress().getHostname()
          : info.getAddress().getIp();
      port = info.getAddress().getPort();
    } else {
      host = info.hasHostname() ? info.getHostname() : dotted(info.getIp());
      port = info.getPort();
    }
    return URI.create("http://" + host + ":" + port);
  }

  /** MasterInfo.ip holds the address bytes in network order, read as a little-endian int. */
  private static String dotted(int ip) {
    return (ip & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + ((ip >>> 16) & 0xff) + "."
        + ((ip >>> 24) & 0xff);
  }
}
