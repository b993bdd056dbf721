package io.aurora.server.flags;

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
}
