package io.aurora.server.client.cli;

import java.time.Duration;

/**
 * Pauses a command between polls and retries. Commands only ever pause through this, so tests hand
 * in one that records the pauses and returns at once.
 */
@FunctionalInterface
public interface Sleeper {
  /** Pauses for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Really pauses the calling thread: the one place where {@code bin/aurora} waits for time. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
