package io.aurora.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the scheduler reaches ZooKeeper (leader election, serverset, log replica group).
 *
 * @param endpoints servers as host:port; empty only when {@code inProcess}
 * @param chrootPath a path all nodes live under
 * @param sessionTimeout the session timeout; losing the session ends the process
 * @param connectionTimeout how long to wait for the first connection
 * @param digestCredentials user:password for digest authentication
 * @param inProcess run a ZooKeeper server inside this process
 */
public record ZooKeeperOptions(
    List<String> endpoints,
    Optional<String> chrootPath,
    Duration sessionTimeout,
    Duration connectionTimeout,
    Optional<String> digestCredentials,
    boolean inProcess) {
  public ZooKeeperOptions {
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(chrootPath, "chrootPath");
    Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(digestCredentials, "digestCredentials");
    if (endpoints.isEmpty() && !inProcess) {
      throw new IllegalArgumentException("missing required flag -zk_endpoints (or run ZooKeeper in-process with -zk_in_proc)");
    }
    for (String endpoint : endpoints) {
      int colon = endpoint.lastIndexOf(':');
      if (colon <= 0 || !endpoint.substring(colon + 1).matches("\\d{1,5}")) {
        throw new IllegalArgumentException("-zk_endpoints expects host:port entries, got '" + endpoint + "'");
      }
    }
    chrootPath.ifPresent(path -> {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("-zk_chroot_path must start with /, got '" + path + "'");
      }
    });
    if (sessionTimeout.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException("-zk_session_timeout must be positive, got " + sessionTimeout);
    }
    if (connectionTimeout.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException("-zk_connection_timeout must be positive, got " + connectionTimeout);
    }
    digestCredentials.ifPresent(credentials -> {
      if (credentials.indexOf(':') <= 0) {
        throw new IllegalArgumentException("-zk_digest_credentials expects user:password");
      }
    });
  }

  @Override
  public String toString() {
    // Never print the credentials.
    return "ZooKeeperOptions[endpoints=" + endpoints + ", chrootPath=" + chrootPath
        + ", sessionTimeout=" + sessionTimeout + ", connectionTimeout=" + connectionTimeout
        + ", digestCredentials=" + (digestCredentials.isPresent() ? "<redacted>" : "none")
        + ", inProcess=" + inProcess + "]";
  }
}
