package io.aurora.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the admin HTTP server listens and what it tells clients.
 *
 * @param port the port for admin pages and {@code /api}; 0 picks a free one ({@code -http_port})
 * @param bindAddress the address to listen on; empty means all interfaces ({@code -ip})
 * @param corsOrigin an origin allowed to call {@code /api} from a browser ({@code -enable_cors_for})
 * @param statsUrlPrefix sent to clients as the link prefix for job statistics
 *     ({@code -viz_job_url_prefix})
 * @param statSamplingInterval how often {@code /vars} values are sampled ({@code -stat_sampling_interval})
 * @param statRetentionPeriod how long samples are kept ({@code -stat_retention_period})
 */
public record HttpOptions(
    int port,
    Optional<String> bindAddress,
    Optional<String> corsOrigin,
    String statsUrlPrefix,
    Duration statSamplingInterval,
    Duration statRetentionPeriod) {
  public HttpOptions {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(corsOrigin, "corsOrigin");
    Objects.requireNonNull(statsUrlPrefix, "statsUrlPrefix");
    Objects.requireNonNull(statSamplingInterval, "statSamplingInterval");
    Objects.requireNonNull(statRetentionPeriod, "statRetentionPeriod");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("-http_port must be between 0 and 65535, got " + port);
    }
    if (statSamplingInterval.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException(
          "-stat_sampling_interval must be positive, got " + statSamplingInterval);
    }
    if (statRetentionPeriod.compareTo(statSamplingInterval) < 0) {
      throw new IllegalArgumentException("-stat_retention_period (" + statRetentionPeriod
          + ") must not be shorter than -stat_sampling_interval (" + statSamplingInterval + ")");
    }
  }
}
