package io.aurora.log.transport;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} over TCP with blocking sockets and a few threads per peer.
 *
 * <p>Each direction between two replicas has its own connection: this transport writes to a peer
 * only over the connection it opened ({@link OutboundPeer}: queue, writer thread, reconnect with
 * backoff, coalesced writes) and reads only from connections the peer opened ({@link
 * InboundConnection}: one reader thread each). Blocking IO keeps the code short, and with the 3 or 5
 * replicas a log has, the thread count stays small. A timer thread closes any connection whose write
 * has blocked past the write timeout, since a blocking socket write has no timeout of its own.
 *
 * <p>A peer that reconnects replaces its older inbound connection, so half-open connections from a
 * peer that crashed do not pile up. An outbound peer nobody sent to for {@link #RETIRE_AFTER} is
 * closed and forgotten, so replicas that left the group do not keep threads.
 */
public final class SocketTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);
  /** How long a peer may go without sends before its writer thread and connection are dropped. */
  static final Duration RETIRE_AFTER = Duration.ofMinutes(5);
  /** Inbound connections beyond this are closed at once, so a misbehaving client cannot exhaust threads. */
  static final int MAX_INBOUND_CONNECTIONS = 256;

  private final SocketTransportOptions options;
  private final ThreadFactory threads;
  private final TransportMetrics metrics;
  private final ServerSocket server;
  private final PeerAddress localAddress;
  private final ScheduledExecutorService timer;
  private final Duration retireAfter;
  private final Map<PeerAddress, OutboundPeer> outbound = new ConcurrentHashMap<>();
  private final Set<InboundConnection> inbound = ConcurrentHashMap.newKeySet();
  private final Map<PeerAddress, InboundConnection> inboundByPeer = new ConcurrentHashMap<>();
  private final List<Thread> acceptors = new ArrayList<>();
  private volatile boolean started;
  private volatile boolean closed;

  private SocketTransport(SocketTransportOptions options, ThreadFactory threads,
      MeterRegistry registry, ServerSocket server, PeerAddress localAddress,
      Duration retireAfter) {
    this.options = options;
    this.retireAfter = retireAfter;
    this.threads = threads;
    this.metrics = new TransportMetrics(registry);
    this.server = server;
    this.localAddress = localAddress;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = threads.newThread(r);
      t.setName("aurora-log-transport-timer");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Binds the listening socket (so {@link #localAddress()} is known at once) without accepting yet.
   *
   * @param threads makes the acceptor, reader, writer and timer threads
   * @param registry where the transport's counters go ({@code log.transport.*})
   * @throws TransportException if the address cannot be bound
   * @throws IllegalArgumentException if binding to a wildcard address without an advertised host
   */
  public static SocketTransport open(
      SocketTransportOptions options, ThreadFactory threads, MeterRegistry registry) {
    return open(options, threads, registry, RETIRE_AFTER);
  }

  /** As {@link #open(SocketTransportOptions, ThreadFactory, MeterRegistry)}; tests shorten retireAfter. */
  static SocketTransport open(SocketTransportOptions options, ThreadFactory threads,
      MeterRegistry registry, Duration retireAfter) {
    Objects.requireNonNull(threads, "threads");
    Objects.requireNonNull(registry, "registry");
    PeerAddress bind = options.bind();
    ServerSocket server = null;
    try {
      InetAddress host = InetAddress.getByName(bind.host());
      checkArgument(!host.isAnyLocalAddress() || options.advertisedHost().isPresent(),
          "binding to %s needs an advertised host that peers can reach", bind);
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(host, bind.port()), 128);
      PeerAddress local =
          new PeerAddress(options.advertisedHost().orElse(bind.host()), server.getLocalPort());
      SocketTransport transport =
          new SocketTransport(options, threads, registry, server, local, retireAfter);
      // Sending works before start(), so the write watchdog runs from the beginning.
      long period = Math.max(1, options.writeTimeout().toMillis() / 4);
      transport.timer.scheduleWithFixedDelay(transport::checkWriteTimeouts, period, period,
          TimeUnit.MILLISECONDS);
      return transport;
    } catch (IOException e) {
      closeQuietly(server);
      throw new TransportException("cannot listen on " + bind, e);
    }
  }

  @Override
  public void start(Receiver receiver) {
    Objects.requireNonNull(receiver, "receiver");
    synchronized (this) {
      checkState(!started, "transport already started");
      checkState(!closed, "transport closed");
      started = true;
      Thread acceptor = threads.newThread(() -> accept(receiver));
      acceptor.setName("aurora-log-transport-accept-" + localAddress.port());
      acceptor.setDaemon(true);
      acceptors.add(acceptor);
      acceptor.start();
    }
  }

  private void accept(Receiver receiver) {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.error("Accept failed on {}; no longer accepting", localAddress, e);
        }
        return;
      }
      try {
        socket.setTcpNoDelay(true);
      } catch (IOException e) {
        closeQuietly(socket);
        continue;
      }
      if (inbound.size() >= MAX_INBOUND_CONNECTIONS) {
        // A log has a handful of peers; this many connections means something is wrong.
        metrics.inboundErrors.increment();
        LOG.warn("Refusing connection from {}: {} inbound connections open",
            socket.getRemoteSocketAddress(), inbound.size());
        closeQuietly(socket);
        continue;
      }
      InboundConnection connection = new InboundConnection(socket, options, metrics, receiver,
          this::onHello, this::onClose);
      inbound.add(connection);
      if (closed) {
        connection.close();
        return;
      }
      Thread reader = threads.newThread(connection);
      reader.setName("aurora-log-transport-reader-" + socket.getRemoteSocketAddress());
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void onHello(InboundConnection connection) {
    InboundConnection older = inboundByPeer.put(connection.from(), connection);
    if (older != null && older != connection) {
      older.close();
    }
  }

  private void onClose(InboundConnection connection) {
    inbound.remove(connection);
    if (connection.from() != null) {
      inboundByPeer.remove(connection.from(), connection);
    }
  }

  private void onRetire(OutboundPeer peer) {
    outbound.remove(peer.peer(), peer);
  }

  /** The number of peers with a live writer, for tests. */
  int outboundPeers() {
    return outbound.size();
  }

  private void checkWriteTimeouts() {
    long now = System.nanoTime();
    for (OutboundPeer peer : outbound.values()) {
      peer.checkWriteTimeout(now);
    }
  }

  @Override
  public PeerAddress localAddress() {
    return localAddress;
  }

  @Override
  public void send(PeerAddress to, byte[] payload) {
    Objects.requireNonNull(to, "to");
    checkArgument(payload.length <= options.maxFrameBytes(),
        "payload of %s bytes exceeds the maximum frame size %s", payload.length,
        options.maxFrameBytes());
    if (closed) {
      metrics.droppedUnreachable.increment();
      return;
    }
    OutboundPeer peer = outbound.get(to);
    if (peer == null) {
      synchronized (this) {
        if (closed) {
          return;
        }
        peer = outbound.computeIfAbsent(to, address -> new OutboundPeer(address, localAddress,
            options, metrics, threads, retireAfter.toNanos(), this::onRetire));
        peer.startOnce();
      }
    }
    // A peer that is just retiring drops this one payload; the next send makes a new one.
    peer.offer(payload);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    closeQuietly(server);
    timer.shutdownNow();
    List<OutboundPeer> peers = List.copyOf(outbound.values());
    peers.forEach(OutboundPeer::close);
    inbound.forEach(InboundConnection::close);
    try {
      for (OutboundPeer peer : peers) {
        peer.join(1000);
      }
      for (Thread acceptor : acceptors) {
        acceptor.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException e) {
        // Nothing to do.
      }
    }
  }
}
