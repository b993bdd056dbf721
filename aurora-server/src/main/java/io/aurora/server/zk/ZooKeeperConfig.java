package io.aurora.server.zk;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.zookeeper.common.PathUtils;

/**
 * How to reach ZooKeeper: Aurora's {@code -zk_endpoints}, {@code -zk_chroot_path}, {@code
 * -zk_session_timeout}, {@code -zk_connection_timeout} and {@code -zk_digest_credentials}.
 *
 * @param servers the ensemble, at least one unresolved {@code host:port}
 * @param chrootPath an absolute ZooKeeper path every path of the client is relative to
 * @param sessionTimeout the session timeout asked of the server (it may negotiate it down or up)
 * @param connectionTimeout how long one connection attempt may take
 * @param credentials digest credentials; with them nodes get {@code EVERYONE_READ_CREATOR_ALL}
 */
public record ZooKeeperConfig(
    List<InetSocketAddress> servers,
    Optional<String> chrootPath,
    Duration sessionTimeout,
    Duration connectionTimeout,
    Optional<DigestCredentials> credentials) {

  /** Aurora's default {@code -zk_session_timeout}. */
  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(15);

  /** Aurora's default {@code -zk_connection_timeout}. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

  public ZooKeeperConfig {
    servers = List.copyOf(servers);
    Objects.requireNonNull(chrootPath, "chrootPath");
    Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(credentials, "credentials");
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("ZooKeeper needs at least one host:port");
    }
    chrootPath.ifPresent(ZooKeeperConfig::checkChroot);
    checkPositiveMillis("session timeout", sessionTimeout);
    checkPositiveMillis("connection timeout", connectionTimeout);
  }

  /** A config for a comma list of {@code host:port} with Aurora's defaults for everything else. */
  public static ZooKeeperConfig of(String commaList) {
    return new ZooKeeperConfig(
        parseServers(commaList),
        Optional.empty(),
        DEFAULT_SESSION_TIMEOUT,
        DEFAULT_CONNECTION_TIMEOUT,
        Optional.empty());
  }

  /**
   * Parses {@code host:port,host:port}; whitespace around entries is ignored.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static List<InetSocketAddress> parseServers(String commaList) {
    Objects.requireNonNull(commaList, "commaList");
    List<InetSocketAddress> servers = new ArrayList<>();
    for (String raw : commaList.split(",", -1)) {
      String entry = raw.strip();
      int colon = entry.lastIndexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new IllegalArgumentException(
            "ZooKeeper endpoint must be host:port, got '" + entry + "'");
      }
      int port;
      try {
        port = Integer.parseInt(entry.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "ZooKeeper endpoint '" + entry + "' has a non-numeric port", e);
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            "ZooKeeper endpoint '" + entry + "' has port out of range");
      }
      servers.add(InetSocketAddress.createUnresolved(entry.substring(0, colon), port));
    }
    return servers;
  }

  /** The same config with a chroot path. */
  public ZooKeeperConfig withChrootPath(String path) {
    return new ZooKeeperConfig(
        servers, Optional.of(path), sessionTimeout, connectionTimeout, credentials);
  }

  /** The same config with another session timeout. */
  public ZooKeeperConfig withSessionTimeout(Duration timeout) {
    return new ZooKeeperConfig(servers, chrootPath, timeout, connectionTimeout, credentials);
  }

  /** The same config with another connection timeout. */
  public ZooKeeperConfig withConnectionTimeout(Duration timeout) {
    return new ZooKeeperConfig(servers, chrootPath, sessionTimeout, timeout, credentials);
  }

  /** The same config with digest credentials. */
  public ZooKeeperConfig withCredentials(DigestCredentials digest) {
    return new ZooKeeperConfig(
        servers, chrootPath, sessionTimeout, connectionTimeout, Optional.of(digest));
  }

  /**
   * The ensemble as ZooKeeper's connect string, {@code host:port,host:port}, without the chroot.
   */
  public String connectString() {
    return servers.stream()
        .map(s -> s.getHostString() + ":" + s.getPort())
        .collect(Collectors.joining(","));
  }

  /** The chroot as a Curator namespace: the path without its leading slash. */
  Optional<String> namespace() {
    return chrootPath.map(p -> p.substring(1));
  }

  private static void checkChroot(String path) {
    if (path.equals("/")) {
      throw new IllegalArgumentException("ZooKeeper chroot '/' is no chroot; leave it unset");
    }
    try {
      PathUtils.validatePath(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "ZooKeeper chroot '" + path + "' is not a valid path: " + e.getMessage(), e);
    }
  }

  private static void checkPositiveMillis(String what, Duration d) {
    if (d.toMillis() <= 0 || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "ZooKeeper " + what + " must be positive milliseconds, got " + d);
    }
  }
}
