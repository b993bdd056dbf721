package io.aurora.log.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connect, read and write timeouts of SocketTransport. */
class SocketTransportTimeoutIT {
  private static final ThreadFactory THREADS = r -> {
    Thread t = new Thread(r);
    t.setDaemon(true);
    return t;
  };
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private SocketTransport open(Duration read, Duration write, SimpleMeterRegistry registry) {
    SocketTransport transport = SocketTransport.open(
        SocketTransportOptions.defaults(new PeerAddress("127.0.0.1", 0))
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
            .withTimeouts(Duration.ofSeconds(1), read, write),
        THREADS, registry);
    toClose.add(transport);
    return transport;
  }

  @Test
  void idleGapLongerThanTheReadTimeout_keepsTheConnection() throws Exception {
    BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    SocketTransport b = open(Duration.ofMillis(100), Duration.ofSeconds(2), new SimpleMeterRegistry());
    b.start((from, payload) -> inbox.add(new String(payload, UTF_8)));
    SimpleMeterRegistry registryA = new SimpleMeterRegistry();
    SocketTransport a = open(Duration.ofSeconds(2), Duration.ofSeconds(2), registryA);
    a.start((from, payload) -> {});

    a.send(b.localAddress(), "one".getBytes(UTF_8));
    assertThat(inbox.poll(5, TimeUnit.SECONDS)).isEqualTo("one");
    // Stay idle for several read timeouts.
    assertThat(inbox.poll(400, TimeUnit.MILLISECONDS)).isNull();
    a.send(b.localAddress(), "two".getBytes(UTF_8));
    assertThat(inbox.poll(5, TimeUnit.SECONDS)).isEqualTo("two");
    assertThat(registryA.counter("log.transport.connects").count()).isEqualTo(1);
  }

  @Test
  void frameThatStallsHalfway_isDroppedAfterTheReadTimeout() throws Exception {
    SocketTransport b = open(Duration.ofMillis(200), Duration.ofSeconds(2), new SimpleMeterRegistry());
    b.start((from, payload) -> {});
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress("127.0.0.1", b.localAddress().port()), 1000);
      raw.setSoTimeout(5000);
      OutputStream out = raw.getOutputStream();
      Frames.write(out, Frames.hello(new PeerAddress("127.0.0.1", 1)));
      out.write(new byte[] {0, 0}); // half a length prefix, then nothing
      out.flush();
      long start = System.nanoTime();
      assertThat(raw.getInputStream().read()).isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void peerThatStopsReading_isDisconnectedAfterTheWriteTimeout_andReconnected() throws Exception {
    BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    ServerSocket stuckPeer = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    toClose.add(stuckPeer);
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket s = stuckPeer.accept();
          s.setReceiveBufferSize(4096);
          accepted.add(s); // never read from it
        }
      } catch (Exception e) {
        // closed
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SocketTransport a = open(Duration.ofSeconds(2), Duration.ofMillis(300), registry);
    a.start((from, payload) -> {});
    PeerAddress peer = new PeerAddress("127.0.0.1", stuckPeer.getLocalPort());
    byte[] big = new byte[1 << 20];
    for (int i = 0; i < 64; i++) {
      a.send(peer, big); // far more than socket buffers hold
    }
    Socket first = accepted.poll(5, TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    toClose.add(first);
    // The blocked write is cut off and the writer connects again for later sends.
    InputStream in = first.getInputStream();
    Socket second = await("a new connection after the write timeout")
        .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> {
          a.send(peer, "again".getBytes(UTF_8));
          return accepted.poll(100, TimeUnit.MILLISECONDS);
        }, Objects::nonNull);
    toClose.add(second);
    assertThat(in.available()).isGreaterThan(0); // the first connection did carry data
  }
}
