package io.aurora.http;

import java.util.Objects;
import java.util.Optional;

/**
 * The admin server's settings, filled from the daemon's flags.
 *
 * @param bindAddress the address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 *     ({@code -ip})
 * @param port the HTTP port; 0 picks a free one (read it back with {@link AdminServer#port()})
 *     ({@code -http_port})
 * @param apiThreads worker threads running {@code /api} calls ({@code -http_api_threads})
 * @param apiMaxInFlight {@code /api} requests admitted at once (running plus queued) before 503
 *     ({@code -http_api_max_in_flight})
 * @param apiMaxBodyBytes the largest {@code /api} request body; larger ones get 413
 * @param corsOrigin the origin browsers may call {@code /api} from; empty allows none
 *     ({@code -enable_cors_for})
 */
public record AdminServerConfig(String bindAddress, int port, int apiThreads, int apiMaxInFlight,
    int apiMaxBodyBytes, Optional<String> corsOrigin) {
  /** Aurora's Python client sends job configs of a few hundred KiB at most; allow ample room. */
  public static final int DEFAULT_API_MAX_BODY_BYTES = 16 * 1024 * 1024;

  /**
   * {@code /api} calls mostly wait for a durable write, which the storage commits together, so a
   * few threads keep the log busy; eight leave room for slow reads without a thread per client.
   */
  public static final int DEFAULT_API_THREADS = 8;

  /** Eight waiting requests per thread: a burst queues briefly instead of getting 503. */
  public static final int DEFAULT_API_MAX_IN_FLIGHT = 64;

  /** Checks every value, naming the bad one. */
  public AdminServerConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(corsOrigin, "corsOrigin");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("-http_port must be between 0 and 65535, got " + port);
    }
    if (apiThreads < 1) {
      throw new IllegalArgumentException("-http_api_threads must be at least 1, got " + apiThreads);
    }
    if (apiMaxInFlight < apiThreads) {
      throw new IllegalArgumentException("-http_api_max_in_flight (" + apiMaxInFlight
          + ") must be at least -http_api_threads (" + apiThreads + ")");
    }
    if (apiMaxBodyBytes < 1) {
      throw new IllegalArgumentException("apiMaxBodyBytes must be positive, got " + apiMaxBodyBytes);
    }
    corsOrigin.ifPresent(origin -> {
      if (origin.isBlank() || origin.contains("\n") || origin.contains("\r")) {
        throw new IllegalArgumentException("-enable_cors_for must be one origin, got '" + origin + "'");
      }
    });
  }

  /** Settings without CORS. */
  public AdminServerConfig(
      String bindAddress, int port, int apiThreads, int apiMaxInFlight, int apiMaxBodyBytes) {
    this(bindAddress, port, apiThreads, apiMaxInFlight, apiMaxBodyBytes, Optional.empty());
  }

  /** The defaults for everything but the address and port; no CORS. */
  public static AdminServerConfig of(String bindAddress, int port) {
    return new AdminServerConfig(bindAddress, port, DEFAULT_API_THREADS,
        DEFAULT_API_MAX_IN_FLIGHT, DEFAULT_API_MAX_BODY_BYTES);
  }

  /** These settings with browsers from {@code origin} allowed to call {@code /api}. */
  public AdminServerConfig withCorsOrigin(String origin) {
    return new AdminServerConfig(bindAddress, port, apiThreads, apiMaxInFlight, apiMaxBodyBytes,
        Optional.of(origin));
  }
}
