package io.aurora.log.transport;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ThreadFactory;

/** A {@link Transport} over TCP sockets. Implementation follows in the next commit. */
public final class SocketTransport implements Transport {

  /**
   * Binds the listening socket (so {@link #localAddress()} is known at once) without accepting yet.
   *
   * @param threads makes the acceptor, reader, writer and timer threads
   * @param registry where the transport's counters go
   * @throws TransportException if the address cannot be bound
   */
  public static SocketTransport open(
      SocketTransportOptions options, ThreadFactory threads, MeterRegistry registry) {
    throw new UnsupportedOperationException("TODO(log-io): implementation in the next commit");
  }

  private SocketTransport() {}

  @Override public void start(Receiver receiver) { throw new UnsupportedOperationException(); }
  @Override public PeerAddress localAddress() { throw new UnsupportedOperationException(); }
  @Override public void send(PeerAddress to, byte[] payload) { throw new UnsupportedOperationException(); }
  @Override public void close() {}
}
