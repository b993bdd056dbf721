package io.aurora.server.bench.log;

import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The leading durable storage the schedule and update benchmarks write through: over replica 0 of a {@link
 * LogCluster} (which holds the writer, as the leading scheduler does), with its own meters.
 */
public final class LeadingStorage {
  private final DurableStorage storage;
  private final MeterRegistry registry;

  private LeadingStorage(DurableStorage storage, MeterRegistry registry) {
    this.storage = storage;
    this.registry = registry;
  }

  /** Opens replica 0 of {@code cluster}, starts a storage over it and leads. */
  public static LeadingStorage lead(LogCluster cluster) throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    DurableStorage storage = cluster.storage(cluster.open(0, new SimpleMeterRegistry()), registry);
    storage.start();
    storage.lead();
    return new LeadingStorage(storage, registry);
  }

  public DurableStorage storage() {
    return storage;
  }

  /**
   * One line on how the storage's writes went: log appends (group commits), transactions per
   * append, append latency, bytes, and time writers waited for the write lock.
   */
  public String summary() {
    DistributionSummary batches = registry.find("scheduler_log_group_commit_transactions")
        .summary();
    Timer append = registry.find("scheduler_log_native_append").timer();
    Timer lockWait = registry.find("storage_write_lock_wait").timer();
    Counter bytes = registry.find("scheduler_log_bytes_written").counter();
    if (batches == null || append == null || lockWait == null || bytes == null) {
      return "storage: meters not found";
    }
    return String.format(Locale.ROOT, "storage: %d group commits of %.1f transactions on average"
            + " (max %.0f), append mean %.1f ms max %.1f ms, %.1f MB written; writers waited %.2f s"
            + " in total for the write lock (%d writes)",
        batches.count(), batches.mean(), batches.max(), append.mean(TimeUnit.MILLISECONDS),
        append.max(TimeUnit.MILLISECONDS), bytes.count() / 1e6,
        lockWait.totalTime(TimeUnit.SECONDS), lockWait.count());
  }

  /** Write transactions so far (each one a {@code Storage.write} that took the write lock). */
  public long writes() {
    Timer lockWait = registry.find("storage_write_lock_wait").timer();
    return lockWait == null ? 0 : lockWait.count();
  }

  /** Log appends so far (group commits: one or more transactions each). */
  public long appends() {
    DistributionSummary batches = registry.find("scheduler_log_group_commit_transactions")
        .summary();
    return batches == null ? 0 : batches.count();
  }
}
