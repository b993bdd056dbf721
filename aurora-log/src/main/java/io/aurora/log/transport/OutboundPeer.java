package io.aurora.log.transport;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one outbound connection to a peer, with its queue and writer thread.
 *
 * <p>The writer connects when there is something to send, sends the hello frame, then repeatedly
 * takes everything queued and writes it through one buffer, flushing only when the queue is empty:
 * a burst of small sends becomes a few socket writes. A second thread per connection blocks reading
 * the socket, which the peer never writes to, so it notices at once when the peer goes away and
 * marks the connection broken; the writer then drops the connection without waiting for a write to
 * fail. After a failure the payloads still queued are dropped (the peer is unreachable and they
 * would be stale), and the next attempt waits a backoff that doubles up to the configured maximum.
 * A peer nobody has sent to for {@code retireAfter} is closed and forgotten, so peers that left the
 * group do not keep threads.
 */
final class OutboundPeer {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundPeer.class);
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final PeerAddress peer;
  private final byte[] hello;
  private final SocketTransportOptions options;
  private final TransportMetrics metrics;
  private final ThreadFactory threads;
  private final long retireAfterNanos;
  private final Consumer<OutboundPeer> onRetire;
  private final ArrayBlockingQueue<byte[]> queue;
  private final Thread writer;
  private final Object backoffLock = new Object();
  private boolean started;
  private volatile boolean closed;
  private volatile boolean broken;
  private volatile Socket socket;
  /** System.nanoTime() when the current socket write began, or 0 when not writing. */
  private volatile long writeStartedNanos;

  OutboundPeer(PeerAddress peer, PeerAddress self, SocketTransportOptions options,
      TransportMetrics metrics, ThreadFactory threads, long retireAfterNanos,
      Consumer<OutboundPeer> onRetire) {
    this.peer = peer;
    this.hello = Frames.hello(self);
    this.options = options;
    this.metrics = metrics;
    this.threads = threads;
    this.retireAfterNanos = retireAfterNanos;
    this.onRetire = onRetire;
    this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
    this.writer = threads.newThread(this::run);
    writer.setName("aurora-log-transport-writer-" + peer);
    writer.setDaemon(true);
  }

  PeerAddress peer() {
    return peer;
  }

  /** Starts the writer thread the first time it is called; the caller synchronizes. */
  void startOnce() {
    if (!started) {
      started = true;
      writer.start();
    }
  }

  /** Queues a payload; false (and counted) if the queue is full or the peer is closed. */
  boolean offer(byte[] payload) {
    if (closed || !queue.offer(payload)) {
      metrics.droppedQueueFull.increment();
      return false;
    }
    return true;
  }

  private void run() {
    long backoffNanos = options.backoffMin().toNanos();
    try {
      while (!closed) {
        // Connect only when there is something to send, so a peer that is gone costs nothing once
        // nobody writes to it.
        byte[] first = queue.poll(retireAfterNanos, TimeUnit.NANOSECONDS);
        if (first == null) {
          break;
        }
        boolean idle = false;
        try {
          try {
            connect();
          } catch (IOException e) {
            metrics.droppedUnreachable.increment();
            throw e;
          }
          backoffNanos = options.backoffMin().toNanos();
          idle = pump(first);
        } catch (IOException e) {
          if (!closed) {
            LOG.debug("Connection to {} failed: {}", peer, e.toString());
          }
        } finally {
          closeSocket();
        }
        if (idle) {
          break;
        }
        dropQueued();
        awaitBackoff(backoffNanos);
        backoffNanos = Math.min(backoffNanos * 2, options.backoffMax().toNanos());
      }
    } catch (InterruptedException e) {
      // close() interrupts; the thread ends.
    }
    closed = true;
    dropQueued();
    onRetire.accept(this);
  }

  private void dropQueued() {
    List<byte[]> drained = new ArrayList<>();
    queue.drainTo(drained);
    if (!drained.isEmpty()) {
      metrics.droppedUnreachable.increment(drained.size());
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    socket = s;
    broken = false;
    if (closed) {
      throw new IOException("transport closed");
    }
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(peer.host(), peer.port()),
          (int) options.connectTimeout().toMillis());
    } catch (IOException e) {
      metrics.connectFailures.increment();
      throw e;
    }
    metrics.connects.increment();
    Thread watcher = threads.newThread(() -> watchForClose(s));
    watcher.setName("aurora-log-transport-watch-" + peer);
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Blocks reading a socket the peer never writes to: any return means the connection is over. */
  private void watchForClose(Socket s) {
    try (InputStream in = s.getInputStream()) {
      while (in.read() >= 0) {
        // The peer sends nothing on this connection; ignore anything it does send.
      }
    } catch (IOException e) {
      // Closed by either side.
    }
    broken = true;
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  /**
   * Writes {@code first} and then whatever is queued until the connection fails (IOException), the
   * transport closes (returns false) or nothing was queued for the retirement period (returns true).
   */
  private boolean pump(byte[] first) throws IOException, InterruptedException {
    OutputStream counted = new FilterOutputStream(socket.getOutputStream()) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        metrics.socketWrites.increment();
        out.write(b, off, len);
      }
    };
    OutputStream out = new BufferedOutputStream(counted, 64 << 10);
    write(out, List.of(hello), false);
    List<byte[]> batch = new ArrayList<>();
    batch.add(first);
    long lastSendNanos = System.nanoTime();
    while (!closed) {
      if (!batch.isEmpty()) {
        queue.drainTo(batch);
        try {
          write(out, batch, queue.isEmpty());
        } catch (IOException e) {
          metrics.droppedUnreachable.increment(batch.size());
          throw e;
        }
        long bytes = 0;
        for (byte[] payload : batch) {
          bytes += payload.length;
        }
        metrics.sentMessages.increment(batch.size());
        metrics.sentBytes.increment(bytes);
        batch.clear();
        lastSendNanos = System.nanoTime();
      }
      byte[] next = queue.poll(IDLE_POLL_NANOS, TimeUnit.NANOSECONDS);
      if (broken) {
        if (next != null) {
          metrics.droppedUnreachable.increment();
        }
        // The last batch may or may not have arrived; it is not counted as dropped.
        throw new IOException("connection to " + peer + " closed by the peer");
      }
      if (next != null) {
        batch.add(next);
      } else if (System.nanoTime() - lastSendNanos > retireAfterNanos) {
        return true;
      }
    }
    return false;
  }

  private void write(OutputStream out, List<byte[]> frames, boolean flush) throws IOException {
    writeStartedNanos = System.nanoTime() | 1;
    try {
      for (byte[] frame : frames) {
        Frames.write(out, frame);
      }
      if (flush) {
        out.flush();
      }
    } finally {
      writeStartedNanos = 0;
    }
  }

  /** Closes the connection if one write has blocked longer than the write timeout. */
  void checkWriteTimeout(long nowNanos) {
    long started = writeStartedNanos;
    if (started != 0 && nowNanos - started > options.writeTimeout().toNanos()) {
      LOG.warn("Write to {} blocked for over {}; closing the connection", peer,
          options.writeTimeout());
      closeSocket();
    }
  }

  private void awaitBackoff(long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    synchronized (backoffLock) {
      long left;
      while (!closed && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(backoffLock, left);
      }
    }
  }

  private void closeSocket() {
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // Nothing to do.
      }
    }
  }

  void close() {
    closed = true;
    closeSocket();
    synchronized (backoffLock) {
      backoffLock.notifyAll();
    }
    writer.interrupt();
    queue.clear();
  }

  void join(long millis) throws InterruptedException {
    writer.join(millis);
  }
}
