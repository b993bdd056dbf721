package io.aurora.server.discovery;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this scheduler in the serverset: an EPHEMERAL_SEQUENTIAL node {@code
 * <serverset_path>/member_<seq>} holding {@link ServersetCodec}'s JSON. Only the leader announces,
 * and only once it serves (registered with Mesos, scheduling), because clients take the single
 * member as the leader.
 *
 * <p>Curator's {@link PersistentNode} recreates the node if it disappears while the session lives
 * (and after a reconnect), so a brief outage does not leave the cluster without a findable leader.
 * The node is removed by {@link #close()} or when the session ends. Close the announcer before its
 * client: a {@code PersistentNode} whose client is closed retries its create against the closed
 * client until the stack overflows (Curator's known recipe-after-close behaviour, CURATOR-673).
 */
public final class ServersetAnnouncer implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(ServersetAnnouncer.class);

  /** The member node name prefix Aurora's clients look for; no Curator protection prefix. */
  public static final String MEMBER_PREFIX = "member_";

  private final PersistentNode node;

  private ServersetAnnouncer(PersistentNode node) {
    this.node = node;
  }

  /**
   * Creates the member node and waits until it exists.
   *
   * @param client a started client
   * @param serversetPath {@code -serverset_path}; created if missing
   * @param timeout how long to wait for the node
   * @return the announcement; close it to withdraw
   * @throws IllegalStateException if the node is not created within {@code timeout}
   */
  public static ServersetAnnouncer announce(
      CuratorFramework client, String serversetPath, ServiceInstance instance, Duration timeout)
      throws InterruptedException {
    Objects.requireNonNull(instance, "instance");
    byte[] data = new ServersetCodec().encode(instance);
    PersistentNode node =
        new PersistentNode(
            client,
            CreateMode.EPHEMERAL_SEQUENTIAL,
            false,
            ZKPaths.makePath(serversetPath, MEMBER_PREFIX),
            data);
    node.start();
    if (!node.waitForInitialCreate(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      closeQuietly(node);
      throw new IllegalStateException(
          "serverset member under " + serversetPath + " was not created within " + timeout);
    }
    LOG.info("Announced {} at {}", instance.serviceEndpoint(), node.getActualPath());
    return new ServersetAnnouncer(node);
  }

  /** The member node's current path, e.g. {@code /aurora/scheduler/member_0000000003}. */
  public String path() {
    return node.getActualPath();
  }

  /** Deletes the member node. */
  @Override
  public void close() {
    try {
      node.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not withdraw serverset member", e);
    }
  }

  private static void closeQuietly(PersistentNode node) {
    try {
      node.close();
    } catch (IOException e) {
      LOG.warn("Could not close unfinished serverset member", e);
    }
  }
}
