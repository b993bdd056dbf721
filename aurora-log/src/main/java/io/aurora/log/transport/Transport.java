package io.aurora.log.transport;

import java.io.Closeable;

/**
 * Best-effort, per-connection-ordered delivery of byte payloads between replicas.
 *
 * <p>A payload sent with {@link #send} is delivered at most once; it may be lost (full queue, broken
 * connection, peer down), and payloads to one peer arrive in the order they were sent as long as one
 * connection carries them. Callers that need reliability retry at their own level, as Paxos does.
 */
public interface Transport extends Closeable {

  /** Starts accepting connections and delivering received payloads to {@code receiver}. Call once. */
  void start(Receiver receiver);

  /** The address peers reach this replica at (the actual bound port when the configured one is 0). */
  PeerAddress localAddress();

  /**
   * Queues {@code payload} for {@code to} and returns without waiting for the network. If the peer's
   * queue is full the payload is dropped and counted.
   *
   * @throws IllegalArgumentException if the payload is larger than the maximum frame size
   */
  void send(PeerAddress to, byte[] payload);

  /** Stops accepting, closes every connection and drops queued payloads. */
  @Override
  void close();
}
