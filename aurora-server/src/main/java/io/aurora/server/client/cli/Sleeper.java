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

  /**
   * Really pauses the calling thread. This is the one place where {@code bin/aurora} waits for
   * time: a command-line poll has nothing to wake it early, and tests never reach this.
   */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
