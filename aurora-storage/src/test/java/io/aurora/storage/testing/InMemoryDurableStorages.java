package io.aurora.storage.testing;

import io.aurora.log.InMemoryLog;
import io.aurora.log.LogException;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Durable storages over an {@link InMemoryLog}: the production storage (group commit, snapshots,
 * replay) on a log that keeps its entries in memory. Two storages started over the same log are a
 * leader and a storage recovering what it wrote. The caller owns and stops the executors.
 */
public final class InMemoryDurableStorages {
  /** Snapshots and backups every hour: never due while a test runs. */
  private static final Duration RARELY = Duration.ofHours(1);

  private InMemoryDurableStorages() {}

  /** Options for a test storage: rare snapshots and backups, backups kept under {@code backups}. */
  public static StorageOptions options(Path backups) {
    try {
      return new StorageOptions(RARELY, 512 * 1024, Files.createDirectories(backups), RARELY, 2);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A started storage over {@code log}: it has replayed what the log holds and follows it; call
   * {@link DurableStorage#lead()} to make it the writer.
   *
   * @param timers runs the storage's snapshot and backup timers
   * @param committer runs the group committer
   */
  public static DurableStorage started(InMemoryLog log, Path backups, Clock clock,
      ScheduledExecutorService timers, ExecutorService committer) throws LogException {
    DurableStorage storage = new DurableStorage(log, options(backups), clock, timers, committer,
        new SimpleMeterRegistry());
    storage.start();
    return storage;
  }
}
