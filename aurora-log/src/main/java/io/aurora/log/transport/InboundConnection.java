package io.aurora.log.transport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one accepted connection: the hello frame within the connect timeout, then payload frames
 * for the receiver until the connection ends. Anything malformed (no hello, an oversize or truncated
 * frame) closes this connection only; the transport keeps serving others.
 */
final class InboundConnection implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(InboundConnection.class);

  private final Socket socket;
  private final SocketTransportOptions options;
  private final TransportMetrics metrics;
  private final Receiver receiver;
  /** Told the sender once the hello is read, so an older connection from it can be closed. */
  private final Consumer<InboundConnection> onHello;
  private final Consumer<InboundConnection> onClose;
  private volatile PeerAddress from;

  InboundConnection(Socket socket, SocketTransportOptions options, TransportMetrics metrics,
      Receiver receiver, Consumer<InboundConnection> onHello, Consumer<InboundConnection> onClose) {
    this.socket = socket;
    this.options = options;
    this.metrics = metrics;
    this.receiver = receiver;
    this.onHello = onHello;
    this.onClose = onClose;
  }

  /** The sender's advertised address, or null before its hello arrived. */
  PeerAddress from() {
    return from;
  }

  @Override
  public void run() {
    try {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 << 10);
      socket.setSoTimeout((int) options.connectTimeout().toMillis());
      byte[] hello;
      try {
        hello = Frames.read(in, Frames.MAX_HELLO_BYTES);
      } catch (SocketTimeoutException e) {
        throw new IOException("no hello within " + options.connectTimeout(), e);
      }
      if (hello == null) {
        return;
      }
      from = Frames.parseHello(hello);
      onHello.accept(this);
      socket.setSoTimeout((int) options.readTimeout().toMillis());
      while (true) {
        byte[] payload;
        try {
          payload = Frames.read(in, options.maxFrameBytes());
        } catch (SocketTimeoutException idle) {
          continue;
        }
        if (payload == null) {
          return;
        }
        metrics.receivedMessages.increment();
        metrics.receivedBytes.increment(payload.length);
        deliver(payload, in.available() > 0);
      }
    } catch (IOException e) {
      if (!socket.isClosed()) {
        metrics.inboundErrors.increment();
        LOG.info("Closing connection from {} ({}): {}", socket.getRemoteSocketAddress(),
            from == null ? "no hello" : from, e.getMessage());
      }
    } finally {
      close();
      onClose.accept(this);
    }
  }

  private void deliver(byte[] payload, boolean moreBuffered) {
    try {
      receiver.onMessage(from, payload, moreBuffered);
    } catch (RuntimeException e) {
      LOG.error("Receiver failed on a message from {}; dropped it", from, e);
    }
  }

  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do.
    }
  }
}
