package io.aurora.server.thrift;

import io.aurora.gen.AuroraAdmin;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.server.TThreadedSelectorServer;
import org.apache.thrift.transport.TNonblockingServerSocket;
import org.apache.thrift.transport.TTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code AuroraAdmin} over framed binary Thrift on TCP, the protocol of Aurora's {@code
 * -thrift_port}.
 *
 * <p>The server is Thrift's {@link TThreadedSelectorServer}: a few selector threads read whole
 * frames without blocking and hand complete calls to a worker pool. That shape suits hostile input:
 * an idle or half-sent connection costs a buffer, not a thread; a length prefix above {@link
 * ThriftTcpOptions#maxFrameBytes()} (or negative) closes that connection before anything is
 * allocated; a frame that is not a valid call fails in the processor and closes only its
 * connection. Bytes buffered across all connections are capped at four frames' worth; readers
 * beyond that wait.
 *
 * <p>Threads: the serve loop ({@code <name>-serve}) and the worker pool ({@code <name>-worker-<n>})
 * come from the {@link ThreadFactory} given to {@link #start}; Thrift makes its selector and
 * acceptor threads itself. {@link #close()} ends all of them.
 */
public final class ThriftTcpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ThriftTcpServer.class);
  private static final int STOP_TIMEOUT_SECONDS = 5;
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(STOP_TIMEOUT_SECONDS + 5);

  private final TThreadedSelectorServer server;
  private final TNonblockingServerSocket socket;
  private final Thread serveThread;
  private final InetSocketAddress address;

  private ThriftTcpServer(
      TThreadedSelectorServer server,
      TNonblockingServerSocket socket,
      InetSocketAddress bindAddress, ThreadFactory threads) {
    this.server = server;
    this.socket = socket;
    this.address = new InetSocketAddress(bindAddress.getAddress(), socket.getPort());
    this.serveThread = named(threads, "serve").newThread(server::serve);
  }

  /** As {@link #start(AuroraAdmin.Iface, ThriftTcpOptions, ThreadFactory)}, threads named thrift-tcp. */
  public static ThriftTcpServer start(AuroraAdmin.Iface service, ThriftTcpOptions options) {
    return start(service, options, r -> new Thread(r, "thrift-tcp"));
  }

  /**
   * Binds the port and starts serving {@code service}. When this returns the port accepts
   * connections.
   *
   * @param threads makes the serve loop's and the workers' threads
   * @throws IllegalStateException if the port cannot be bound, naming it
   */
  public static ThriftTcpServer start(AuroraAdmin.Iface service, ThriftTcpOptions options,
      ThreadFactory threads) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(threads, "threads");
    TNonblockingServerSocket socket;
    try {
      socket = new TNonblockingServerSocket(options.bindAddress(), 0, options.maxFrameBytes());
    } catch (TTransportException e) {
      throw new IllegalStateException("cannot listen for Thrift on " + options.bindAddress(), e);
    }
    TThreadedSelectorServer.Args args =
        new TThreadedSelectorServer.Args(socket)
            .selectorThreads(options.selectorThreads())
            // The server shuts its worker pool down when it stops.
            .executorService(Executors.newFixedThreadPool(options.workerThreads(),
                named(threads, "worker")))
            .stopTimeoutVal(STOP_TIMEOUT_SECONDS)
            .stopTimeoutUnit(TimeUnit.SECONDS)
            .processor(new AuroraAdmin.Processor<>(service))
            .protocolFactory(new TBinaryProtocol.Factory());
    args.maxReadBufferBytes = 4L * options.maxFrameBytes();
    ThriftTcpServer tcp =
        new ThriftTcpServer(new TThreadedSelectorServer(args), socket, options.bindAddress(),
            threads);
    tcp.serveThread.start();
    LOG.info("Thrift TCP (framed binary) listening on {}", tcp.address);
    return tcp;
  }

  /** Threads of {@code threads}, renamed {@code <its name>-<role>-<n>}. */
  private static ThreadFactory named(ThreadFactory threads, String role) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = threads.newThread(r);
      t.setName(t.getName() + "-" + role + "-" + n.incrementAndGet());
      return t;
    };
  }

  /** The bound port (the real one when 0 was asked for). */
  public int port() {
    return address.getPort();
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return address;
  }

  /** True while the server loop runs. */
  public boolean isServing() {
    return server.isServing();
  }

  /** Stops accepting, closes the port and waits for in-flight calls (a few seconds at most). */
  @Override
  public void close() {
    server.stop();
    try {
      serveThread.join(JOIN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // serve() closes the socket on its way out; this covers a loop that never started.
    socket.close();
    if (serveThread.isAlive()) {
      LOG.warn("Thrift TCP server on {} did not stop within {}", address, JOIN_TIMEOUT);
    } else {
      LOG.info("Thrift TCP server on {} stopped", address);
    }
  }
}
