package io.aurora.log.testing;

import com.google.common.net.HostAndPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports that were free a moment ago, for tests that must name a port before the server
 * that binds it starts (a replica's address is in every peer's options). The one place tests probe
 * for ports.
 *
 * <p>All sockets of one call stay open until every port is chosen, so a call never returns the
 * same port twice. Another process may still take a port before the caller binds it; servers that
 * can bind port 0 themselves should do that instead.
 */
public final class FreePorts {
  /** The address tests bind: loopback, as a literal so nothing resolves a host name. */
  public static final String LOOPBACK = "127.0.0.1";

  private FreePorts() {}

  /** One free loopback port. */
  public static int port() {
    return ports(1).get(0);
  }

  /** {@code count} distinct free loopback ports. */
  public static List<Integer> ports(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, got " + count);
    }
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
        held.add(socket);
        ports.add(socket.getLocalPort());
      }
      return List.copyOf(ports);
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing a listening socket that accepted nothing does not fail in practice.
        }
      }
    }
  }

  /** {@code count} distinct free loopback addresses, as replica addresses are written. */
  public static List<HostAndPort> addresses(int count) {
    return ports(count).stream().map(p -> HostAndPort.fromParts(LOOPBACK, p)).toList();
  }
}
