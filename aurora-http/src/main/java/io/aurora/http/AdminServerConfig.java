package io.aurora.http;

import java.util.Objects;

/**
 * The admin server's settings, filled from the daemon's flags.
 *
 * @param bindAddress the address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port the HTTP port; 0 picks a free one (read it back with {@link AdminServer#port()})
 * @param apiThreads worker threads running {@code /api} calls
 * @param apiMaxInFlight {@code /api} requests admitted at once (running plus queued) before 503
 * @param apiMaxBodyBytes the largest {@code /api} request body; larger ones get 413
 */
public record AdminServerConfig(
    String bindAddress, int port, int apiThreads, int apiMaxInFlight, int apiMaxBodyBytes) {
  /** Aurora's Python client sends job configs of a few hundred KiB at most; allow ample room. */
  public static final int DEFAULT_API_MAX_BODY_BYTES = 16 * 1024 * 1024;

  /** Checks every value, naming the bad one. */
  public AdminServerConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
    if (apiThreads < 1) {
      throw new IllegalArgumentException("apiThreads must be positive, got " + apiThreads);
    }
    if (apiMaxInFlight < apiThreads) {
      throw new IllegalArgumentException(
          "apiMaxInFlight (" + apiMaxInFlight + ") must be at least apiThreads (" + apiThreads + ")");
    }
    if (apiMaxBodyBytes < 1) {
      throw new IllegalArgumentException("apiMaxBodyBytes must be positive, got " + apiMaxBodyBytes);
    }
  }

  /** Defaults for everything but the address and port: 8 API threads, 64 in flight, 16 MiB bodies. */
  public static AdminServerConfig of(String bindAddress, int port) {
    return new AdminServerConfig(bindAddress, port, 8, 64, DEFAULT_API_MAX_BODY_BYTES);
  }
}
