package io.aurora.server.client.job;

import io.aurora.server.client.cli.ClientFailure;
import picocli.CommandLine.Option;

/** The options {@code job kill} and {@code job killall} share (Aurora's client's kill options). */
final class KillOptions {
  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1",
      description = "Instances killed at a time; each batch is waited for before the next "
          + "(default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--max-total-failures", paramLabel = "N", defaultValue = "0",
      description = "Failed batches tolerated before the kill stops (default ${DEFAULT-VALUE}).")
  int maxTotalFailures;

  @Option(names = "--no-batching",
      description = "Kill every instance with one call, then wait for them all.")
  boolean noBatching;

  /** The message the scheduler records with kills when {@code -m} gives none. */
  static final String DEFAULT_MESSAGE = "killed by bin/aurora";

  @Option(names = {"-m", "--message"}, paramLabel = "TEXT", defaultValue = DEFAULT_MESSAGE,
      description = "Why, recorded with each task's KILLING event (default: ${DEFAULT-VALUE}).")
  String message;

  /**
   * Checks the numbers.
   *
   * @throws ClientFailure with exit status 6 naming the option
   */
  KillOptions validate() {
    if (batchSize < 1) {
      throw ClientFailure.invalidParameter("--batch-size must be at least 1, got " + batchSize);
    }
    if (maxTotalFailures < 0) {
      throw ClientFailure.invalidParameter(
          "--max-total-failures must not be negative, got " + maxTotalFailures);
    }
    return this;
  }
}
