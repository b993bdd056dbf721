package io.aurora.server.client.cluster;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One cluster of a {@code clusters.json}, its fields checked and defaulted as Aurora's client
 * does when it reads them.
 *
 * @param name the cluster part of {@code CLUSTER/ROLE/ENV/NAME}
 * @param zk comma-separated ZooKeeper host names (each gets {@code :zkPort}); when present the
 *     scheduler is found through its serverset, even if {@code schedulerUri} is set too
 * @param zkPort the port of every {@code zk} host (default 2181)
 * @param schedulerZkPath the serverset's znode (default {@code /aurora/scheduler})
 * @param schedulerUri one scheduler's base URL, used when {@code zk} is absent or empty
 * @param proxyUrl the base of web-page links for a ZooKeeper cluster
 * @param authMechanism {@code UNAUTHENTICATED} (the default), {@code KERBEROS} or anything else;
 *     kept for {@code docs/client.md}'s sake, bin/aurora sends no credentials whatever it says
 * @param file the {@code clusters.json} the cluster came from (for error messages)
 */
public record ClusterConfig(String name, Optional<String> zk, int zkPort, String schedulerZkPath,
    Optional<String> schedulerUri, Optional<String> proxyUrl, String authMechanism, Path file) {
  /** Aurora's default ZooKeeper client port. */
  public static final int DEFAULT_ZK_PORT = 2181;
  /** Where Aurora schedulers announce themselves unless told otherwise. */
  public static final String DEFAULT_ZK_PATH = "/aurora/scheduler";
  /** The default of {@code auth_mechanism}. */
  public static final String UNAUTHENTICATED = "UNAUTHENTICATED";

  public ClusterConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zk, "zk");
    Objects.requireNonNull(schedulerZkPath, "schedulerZkPath");
    Objects.requireNonNull(schedulerUri, "schedulerUri");
    Objects.requireNonNull(proxyUrl, "proxyUrl");
    Objects.requireNonNull(authMechanism, "authMechanism");
    Objects.requireNonNull(file, "file");
    zk = zk.filter(z -> !z.isBlank());
  }

  /** The ZooKeeper connect string: every {@code zk} host with {@code :zkPort}, comma-joined. */
  public Optional<String> zkConnect() {
    return zk.map(hosts -> Arrays.stream(hosts.split(","))
        .map(String::strip).filter(h -> !h.isEmpty())
        .map(h -> h + ":" + zkPort).collect(Collectors.joining(",")));
  }
}
