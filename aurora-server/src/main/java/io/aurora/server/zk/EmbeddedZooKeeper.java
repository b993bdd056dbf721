package io.aurora.server.zk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, standalone ZooKeeper server inside this process, for {@code -zk_in_proc}: one machine, no
 * separate ZooKeeper to install. It is ZooKeeper's own {@link ZooKeeperServerEmbedded}, listening
 * on 127.0.0.1 only, with its snapshots and transaction log under a data directory, so a restarted
 * daemon finds its earlier ZooKeeper state.
 *
 * <p>ZooKeeper is told to log, not {@code System.exit}, on its own fatal errors: the daemon's
 * client then loses its session and the daemon exits through its usual path, saying why.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeper.class);
  private static final String LOOPBACK = "127.0.0.1";

  /** ZooKeeper's usual {@code tickTime}. */
  public static final Duration DEFAULT_TICK = Duration.ofMillis(2000);
  // ZooKeeper writes a fresh properties file per boot into its base dir; keep those apart.
  private static final String CONFIG_DIR = "embedded-config";

  private final ZooKeeperServerEmbedded server;
  private final Path configDir;
  private final int port;

  private EmbeddedZooKeeper(ZooKeeperServerEmbedded server, Path configDir, int port) {
    this.server = server;
    this.configDir = configDir;
    this.port = port;
  }

  /**
   * Starts a server and waits until it serves.
   *
   * @param dataDir where ZooKeeper keeps its snapshots and log; created if missing
   * @param port the client port on 127.0.0.1, or 0 for a free one
   * @param startTimeout how long to wait for the server to come up
   * @throws IllegalStateException if the server cannot start (the port is taken, the dir unusable)
   */
  public static EmbeddedZooKeeper start(Path dataDir, int port, Duration startTimeout) {
    return start(dataDir, port, startTimeout, DEFAULT_TICK);
  }

  /**
   * Starts a server with another {@code tickTime}: the unit of its session timeouts (a session
   * may last 2 to 20 ticks) and of its expiry checks (a dead client's session ends up to one tick
   * after its timeout).
   *
   * @param tick ZooKeeper's {@code tickTime}, at least 1 ms
   * @see #start(Path, int, Duration)
   */
  public static EmbeddedZooKeeper start(Path dataDir, int port, Duration startTimeout,
      Duration tick) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(tick, "tick");
    if (tick.toMillis() < 1 || tick.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("embedded ZooKeeper tick out of range: " + tick);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("embedded ZooKeeper port out of range: " + port);
    }
    checkPortFree(port);
    Path configDir = dataDir.resolve(CONFIG_DIR);
    Properties props = new Properties();
    props.setProperty("clientPort", Integer.toString(port));
    props.setProperty("clientPortAddress", LOOPBACK);
    props.setProperty("dataDir", dataDir.resolve("data").toAbsolutePath().toString());
    // Sessions may last 2 to 20 ticks; with the default tick 4 s to 40 s, where Aurora's
    // default of 15 s sits.
    props.setProperty("tickTime", Long.toString(tick.toMillis()));
    props.setProperty("maxClientCnxns", "0");
    props.setProperty("admin.enableServer", "false");
    props.setProperty("autopurge.snapRetainCount", "3");
    props.setProperty("autopurge.purgeInterval", "1");
    ZooKeeperServerEmbedded server = null;
    try {
      Files.createDirectories(configDir);
      deleteFiles(configDir);
      server =
          ZooKeeperServerEmbedded.builder()
              .baseDir(configDir)
              .configuration(props)
              .exitHandler(ExitHandler.LOG_ONLY)
              .build();
      server.start(startTimeout.toMillis());
      int bound = server.getClientPort();
      LOG.info("Embedded ZooKeeper serving on {}:{} with data in {}", LOOPBACK, bound, dataDir);
      return new EmbeddedZooKeeper(server, configDir, bound);
    } catch (Exception e) {
      if (server != null) {
        server.close();
      }
      throw new IllegalStateException(
          "embedded ZooKeeper failed to start on "
              + LOOPBACK
              + ":"
              + port
              + " with data in "
              + dataDir,
          e);
    }
  }

  /** The port clients connect to. */
  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:<port>}, for {@link ZooKeeperConfig#of(String)}. */
  public String connectString() {
    return LOOPBACK + ":" + port;
  }

  /** Stops the server and waits for it; its data stays on disk. */
  @Override
  public void close() {
    server.close();
    try {
      deleteFiles(configDir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not clean " + configDir, e);
    }
    LOG.info("Embedded ZooKeeper on port {} stopped", port);
  }

  // ZooKeeper's embedded server reports a bind failure only by never becoming ready, which would
  // cost the whole start timeout; a port taken by another process is the common case, so say so
  // now.
  private static void checkPortFree(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(LOOPBACK, port));
    } catch (IOException e) {
      throw new IllegalStateException(
          "embedded ZooKeeper cannot listen on "
              + LOOPBACK
              + ":"
              + port
              + ", the port is in use: "
              + e.getMessage(),
          e);
    }
  }

  private static void deleteFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
    }
  }
}
