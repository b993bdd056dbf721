package io.aurora.scheduling.mesos.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Transport settings of {@link HttpDriver}.
 *
 * @param encoding body encoding of calls and events (protobuf by default; JSON for debugging)
 * @param missedHeartbeats how many heartbeat intervals without any event before the stream is
 *     considered dead (the Mesos docs suggest about 5)
 * @param initialBackoff first re-subscription delay; doubles up to {@code maxBackoff}
 * @param maxBackoff cap of the re-subscription delay (the Mesos docs suggest 15 s)
 * @param requestTimeout timeout of calls, and of SUBSCRIBE until its response headers arrive
 * @param maxRecordBytes largest event accepted on the stream
 */
public record MesosClientOptions(
    MesosEncoding encoding,
    int missedHeartbeats,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout,
    int maxRecordBytes) {

  /** Checks arguments. */
  public MesosClientOptions {
    Objects.requireNonNull(encoding, "encoding");
    if (missedHeartbeats < 1) {
      throw new IllegalArgumentException("missedHeartbeats must be positive: " + missedHeartbeats);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("bad backoff " + initialBackoff + ".." + maxBackoff);
    }
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
    }
  }

  /** Protobuf, 5 missed heartbeats, backoff 0.5 s..15 s, 75 s request timeout, 256 MiB records. */
  public static MesosClientOptions defaults() {
    return new MesosClientOptions(MesosEncoding.PROTOBUF, 5, Duration.ofMillis(500),
        Duration.ofSeconds(15), Duration.ofSeconds(75), 256 << 20);
  }

  /** The same options with another encoding. */
  public MesosClientOptions withEncoding(MesosEncoding newEncoding) {
    return new MesosClientOptions(newEncoding, missedHeartbeats, initialBackoff, maxBackoff,
        requestTimeout, maxRecordBytes);
  }

  /** The same options with another backoff range. */
  public MesosClientOptions withBackoff(Duration initial, Duration max) {
    return new MesosClientOptions(encoding, missedHeartbeats, initial, max, requestTimeout,
        maxRecordBytes);
  }
}
