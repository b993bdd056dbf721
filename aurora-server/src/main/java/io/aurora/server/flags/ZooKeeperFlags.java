package io.aurora.server.flags;

import io.aurora.server.zk.DigestCredentials;
import io.aurora.server.zk.ZooKeeperConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the scheduler reaches ZooKeeper, or runs one inside itself. */
public final class ZooKeeperFlags implements FlagGroup {
  @Option(names = "-zk_endpoints", split = ",",
      description = "ZooKeeper servers as host:port,host:port. Required unless -zk_in_proc is set.")
  private List<String> zkEndpoints;

  @Option(names = "-zk_chroot_path",
      description = "Path under which all of the scheduler's ZooKeeper nodes live; unset means the root.")
  private String zkChrootPath;

  @Option(names = "-zk_session_timeout", defaultValue = "15secs",
      description = "ZooKeeper session timeout; losing the session ends the process.")
  private Duration zkSessionTimeout;

  @Option(names = "-zk_connection_timeout", defaultValue = "10secs",
      description = "How long to wait for a ZooKeeper connection before giving up.")
  private Duration zkConnectionTimeout;

  @Secret
  @Option(names = "-zk_digest_credentials",
      description = "user:password for ZooKeeper digest authentication; nodes are then created world-readable, creator-writable.")
  private String zkDigestCredentials;

  @Option(names = "-zk_in_proc", arity = "0..1", defaultValue = "false",
      description = "Run a ZooKeeper server inside this process (one machine, tests); -zk_endpoints is then not needed.")
  private boolean zkInProc;

  @Override
  public String title() {
    return "ZooKeeper";
  }

  public List<String> zkEndpoints() {
    return zkEndpoints == null ? List.of() : List.copyOf(zkEndpoints);
  }

  public Optional<String> zkChrootPath() {
    return Optional.ofNullable(zkChrootPath);
  }

  public Duration zkSessionTimeout() {
    return zkSessionTimeout;
  }

  public Duration zkConnectionTimeout() {
    return zkConnectionTimeout;
  }

  public Optional<String> zkDigestCredentials() {
    return Optional.ofNullable(zkDigestCredentials);
  }

  public boolean zkInProc() {
    return zkInProc;
  }

  /**
   * The client's settings for {@code connectString}: {@code -zk_endpoints}, or the embedded
   * server's address under {@code -zk_in_proc}.
   */
  public ZooKeeperConfig toZooKeeperConfig(String connectString) {
    ZooKeeperConfig config = ZooKeeperConfig.of(connectString)
        .withSessionTimeout(zkSessionTimeout)
        .withConnectionTimeout(zkConnectionTimeout);
    if (zkChrootPath != null) {
      config = config.withChrootPath(zkChrootPath);
    }
    if (zkDigestCredentials != null) {
      config = config.withCredentials(DigestCredentials.parse(zkDigestCredentials));
    }
    return config;
  }

  /**
   * Checks the flags as {@link #toZooKeeperConfig} will, before any embedded server runs.
   *
   * @throws IllegalArgumentException naming the flag
   */
  void check() {
    if (zkEndpoints().isEmpty() && !zkInProc) {
      throw new IllegalArgumentException(
          "missing required flag -zk_endpoints (or run ZooKeeper in-process with -zk_in_proc)");
    }
    for (String endpoint : zkEndpoints()) {
      int colon = endpoint.lastIndexOf(':');
      if (colon <= 0 || !endpoint.substring(colon + 1).matches("\\d{1,5}")) {
        throw new IllegalArgumentException("-zk_endpoints expects host:port entries, got '" + endpoint + "'");
      }
    }
    if (zkChrootPath != null && !zkChrootPath.startsWith("/")) {
      throw new IllegalArgumentException("-zk_chroot_path must start with /, got '" + zkChrootPath + "'");
    }
    positive("-zk_session_timeout", zkSessionTimeout);
    positive("-zk_connection_timeout", zkConnectionTimeout);
    if (zkDigestCredentials != null && zkDigestCredentials.indexOf(':') <= 0) {
      throw new IllegalArgumentException("-zk_digest_credentials expects user:password");
    }
    toZooKeeperConfig(zkInProc ? "127.0.0.1:2181" : String.join(",", zkEndpoints()));
  }

  private static void positive(String flag, Duration value) {
    if (value.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException(flag + " must be positive, got " + DurationFormat.format(value));
    }
  }
}
