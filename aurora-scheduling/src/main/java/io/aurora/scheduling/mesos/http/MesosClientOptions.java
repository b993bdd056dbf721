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

  /** Heartbeats missed before the stream counts as dead: the Mesos docs suggest about five. */
  public static final int DEFAULT_MISSED_HEARTBEATS = 5;

  /** The first re-subscription delay: soon enough that a master failover costs little. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

  /** The longest re-subscription delay, as the Mesos docs suggest. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(15);

  /**
   * How long one call (and SUBSCRIBE until its response headers) may take before it fails.
   * Generous, because a master busy with a large cluster answers slowly; a dead stream is noticed
   * sooner, through missed heartbeats. Not a flag: Aurora's driver has no such setting.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(75);

  /**
   * How long opening a connection to the master may take ({@link HttpDriver#newHttpClient}): a
   * master on the network accepts a connection in milliseconds, so ten seconds only bounds the
   * wait on one that is gone.
   */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The largest event accepted: far above any offer batch or update the master sends. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 256 << 20;

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

  /** Protobuf and the {@code DEFAULT_*} constants above. */
  public static MesosClientOptions defaults() {
    return new MesosClientOptions(MesosEncoding.PROTOBUF, DEFAULT_MISSED_HEARTBEATS,
        DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_RECORD_BYTES);
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
