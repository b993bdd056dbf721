package io.aurora.log.transport;

/**
 * Gets the payloads a {@link Transport} receives. Called from the transport's reader threads (one per
 * inbound connection, so possibly concurrently for different senders); it must return quickly, e.g.
 * by handing the payload to the replica loop's queue. An exception it throws is logged and the
 * payload dropped; the connection stays open.
 */
@FunctionalInterface
public interface Receiver {
  /**
   * @param from the sender's advertised listening address, from its hello frame
   * @param payload the bytes passed to the sender's {@link Transport#send}; owned by the receiver
   */
  void onMessage(PeerAddress from, byte[] payload);

  /**
   * Like {@link #onMessage(PeerAddress, byte[])}, telling whether more bytes from the same sender
   * were already received (another message is probably ready to read). A receiver may use it to
   * handle a lone message at once on the calling thread and to leave a burst to its own thread.
   */
  default void onMessage(PeerAddress from, byte[] payload, boolean moreBuffered) {
    onMessage(from, payload);
  }
}
