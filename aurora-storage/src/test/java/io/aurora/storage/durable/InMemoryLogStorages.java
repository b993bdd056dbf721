package io.aurora.storage.durable;

import io.aurora.log.InMemoryLog;
import io.aurora.log.LogException;
import io.aurora.storage.testing.InMemoryDurableStorages;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Leading durable storages over an {@link InMemoryLog}, for the store contract tests. */
final class InMemoryLogStorages {
  private static final ScheduledExecutorService SCHEDULER =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "storage-test-timer"));
  private static final ExecutorService COMMITTER =
      Executors.newSingleThreadExecutor(r -> daemon(r, "storage-test-commit"));

  private static final java.nio.file.Path NO_BACKUPS =
      java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "aurora-storage-test-backups");

  private InMemoryLogStorages() {}

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  static DurableStorage leader() {
    try {
      // Never written to: these storages take no backups.
      DurableStorage storage = InMemoryDurableStorages.started(new InMemoryLog(), NO_BACKUPS,
          Clock.systemUTC(), SCHEDULER, COMMITTER);
      storage.lead();
      return storage;
    } catch (LogException e) {
      throw new IllegalStateException(e);
    }
  }
}
