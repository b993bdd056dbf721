package io.aurora.log.transport;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for {@link SocketTransport}.
 *
 * @param bind the local address to listen on; port 0 picks a free port
 * @param advertisedHost the host peers use to reach us, sent in the hello frame; defaults to the
 *     bind host, and is required when binding to a wildcard address such as {@code 0.0.0.0}
 * @param maxFrameBytes the largest payload sent or accepted; a peer announcing more is disconnected
 * @param connectTimeout how long an outbound connect may take, and how long an inbound connection
 *     may take to send its hello frame
 * @param readTimeout how long a started frame may take to arrive completely; idle gaps between
 *     frames are fine
 * @param writeTimeout how long one socket write may block before the connection is considered dead
 * @param backoffMin the first delay before reconnecting to a peer after a failure
 * @param backoffMax the delay doubles after each consecutive failure up to this
 * @param queueCapacity payloads queued per peer before further sends are dropped
 */
public record SocketTransportOptions(
    PeerAddress bind,
    Optional<String> advertisedHost,
    int maxFrameBytes,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration backoffMin,
    Duration backoffMax,
    int queueCapacity) {

  public SocketTransportOptions {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(advertisedHost, "advertisedHost");
    checkArgument(maxFrameBytes > 0, "maxFrameBytes %s <= 0", maxFrameBytes);
    checkPositive(connectTimeout, "connectTimeout");
    checkPositive(readTimeout, "readTimeout");
    checkPositive(writeTimeout, "writeTimeout");
    checkPositive(backoffMin, "backoffMin");
    checkPositive(backoffMax, "backoffMax");
    checkArgument(backoffMax.compareTo(backoffMin) >= 0, "backoffMax %s < backoffMin %s",
        backoffMax, backoffMin);
    checkArgument(queueCapacity > 0, "queueCapacity %s <= 0", queueCapacity);
  }

  /**
   * Defaults for a replica listening on {@code bind}: 32 MiB frames, 2 s connect, 5 s read and write
   * timeouts, reconnect backoff from 50 ms to 2 s, 10,000 queued payloads per peer.
   */
  public static SocketTransportOptions defaults(PeerAddress bind) {
    return new SocketTransportOptions(bind, Optional.empty(), 32 << 20, Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofSeconds(2),
        10_000);
  }

  public SocketTransportOptions withAdvertisedHost(String host) {
    return new SocketTransportOptions(bind, Optional.of(host), maxFrameBytes, connectTimeout,
        readTimeout, writeTimeout, backoffMin, backoffMax, queueCapacity);
  }

  public SocketTransportOptions withMaxFrameBytes(int bytes) {
    return new SocketTransportOptions(bind, advertisedHost, bytes, connectTimeout, readTimeout,
        writeTimeout, backoffMin, backoffMax, queueCapacity);
  }

  public SocketTransportOptions withTimeouts(Duration connect, Duration read, Duration write) {
    return new SocketTransportOptions(bind, advertisedHost, maxFrameBytes, connect, read, write,
        backoffMin, backoffMax, queueCapacity);
  }

  public SocketTransportOptions withBackoff(Duration min, Duration max) {
    return new SocketTransportOptions(bind, advertisedHost, maxFrameBytes, connectTimeout,
        readTimeout, writeTimeout, min, max, queueCapacity);
  }

  public SocketTransportOptions withQueueCapacity(int capacity) {
    return new SocketTransportOptions(bind, advertisedHost, maxFrameBytes, connectTimeout,
        readTimeout, writeTimeout, backoffMin, backoffMax, capacity);
  }

  private static void checkPositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    checkArgument(!d.isNegative() && !d.isZero(), "%s %s must be positive", name, d);
  }
}
