package io.aurora.http.redirect;

import java.util.Objects;

/**
 * The HTTP address of the leading scheduler, as it advertises it in the serverset.
 *
 * @param host a host name or IP literal (IPv6 without brackets)
 * @param port the leader's HTTP port, 1-65535
 */
public record LeaderEndpoint(String host, int port) {
  /** Checks the host is non-empty and the port in range. */
  public LeaderEndpoint {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("leader host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("leader port out of range: " + port);
    }
  }

  /** {@code host:port}, with brackets around an IPv6 literal as URLs need. */
  public String authority() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return authority();
  }
}
