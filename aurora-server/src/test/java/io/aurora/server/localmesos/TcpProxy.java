package io.aurora.server.localmesos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP proxy that can misbehave: freeze the connections it has (stop forwarding from the
 * server, keep the sockets open) or cut them in the middle of the next chunk from the server.
 * New connections after a fault are forwarded normally.
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int upstreamPort;
  private final List<Link> links = new ArrayList<>();

  private static final class Link {
    final Socket client;
    final Socket upstream;
    volatile boolean frozen;
    volatile boolean cut;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void close() {
      try {
        client.close();
        upstream.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  TcpProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  synchronized void freezeExisting() {
    links.forEach(l -> l.frozen = true);
  }

  synchronized void cutExistingMidChunk() {
    links.forEach(l -> l.cut = true);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        Link link = new Link(client, upstream);
        synchronized (this) {
          links.add(link);
        }
        pump(link, client.getInputStream(), upstream.getOutputStream(), false);
        pump(link, upstream.getInputStream(), client.getOutputStream(), true);
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void pump(Link link, InputStream in, OutputStream out, boolean fromServer) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[65536];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (fromServer && link.frozen) {
            continue;   // swallow: the client sees a silent, open connection
          }
          if (fromServer && link.cut && n > 1) {
            out.write(buffer, 0, n / 2);
            out.flush();
            link.close();
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // fall through
      }
      if (!link.frozen) {
        link.close();
      }
    }, "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public synchronized void close() throws IOException {
    server.close();
    links.forEach(Link::close);
  }
}
