package io.aurora.log.transport;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * Where a replica listens: a host name or IP literal and a TCP port. Two addresses are equal only if
 * their host strings are equal, so every replica must be named the same way everywhere (the runtime
 * uses the address a replica advertises, both in discovery and in the transport's hello frame).
 *
 * @param host a host name or IP literal, without brackets for IPv6
 * @param port 0 to 65535; 0 only for a bind address ("any free port")
 */
public record PeerAddress(String host, int port) {
  public PeerAddress {
    Objects.requireNonNull(host, "host");
    checkArgument(!host.isEmpty(), "empty host");
    checkArgument(port >= 0 && port <= 65535, "port %s out of range", port);
  }

  /**
   * Parses {@code host:port}; an IPv6 host may be written in brackets ({@code [::1]:8083}).
   *
   * @throws IllegalArgumentException naming the text if it is not of that form
   */
  public static PeerAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.trim();
    int colon = trimmed.lastIndexOf(':');
    checkArgument(colon > 0 && colon < trimmed.length() - 1, "not host:port: '%s'", text);
    String host = trimmed.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(trimmed.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + text + "'", e);
    }
    return new PeerAddress(host, port);
  }

  /** {@code host:port}, with brackets around an IPv6 host; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
