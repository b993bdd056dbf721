package io.aurora.scheduling.mesos.http;

import java.util.Objects;
import java.util.Optional;

/**
 * A Mesos ZooKeeper URL, {@code zk://[user:password@]host1:port1,host2:port2/path}. The
 * credentials, if any, are for ZooKeeper's {@code digest} scheme.
 *
 * @param servers the ZooKeeper connect string
 * @param path the znode under which masters register (default {@code /})
 * @param credentials {@code user:password}, if given
 */
public record ZkUrl(String servers, String path, Optional<String> credentials) {
  private static final String SCHEME = "zk://";

  /** Checks arguments. */
  public ZkUrl {
    Objects.requireNonNull(servers, "servers");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(credentials, "credentials");
  }

  /** True if {@code address} starts with {@code zk://}. */
  public static boolean isZkUrl(String address) {
    return address.startsWith(SCHEME);
  }

  /** Parses a {@code zk://} URL. */
  public static ZkUrl parse(String url) {
    if (!isZkUrl(url)) {
      throw new IllegalArgumentException("not a zk:// URL: " + url);
    }
    String rest = url.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    int at = authority.lastIndexOf('@');
    Optional<String> credentials = at < 0 ? Optional.empty() : Optional.of(authority.substring(0, at));
    String servers = authority.substring(at + 1);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no ZooKeeper servers in " + url);
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new ZkUrl(servers, path, credentials);
  }
}
