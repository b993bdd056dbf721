package io.aurora.server.bench.schedule;

import com.google.common.net.HostAndPort;
import io.aurora.log.LogOptions;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.runtime.ReplicatedLogs;
import io.aurora.server.bench.log.LogBench;
import io.aurora.server.bench.log.ReplicaProcesses;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A fresh replicated log with its leading durable storage: replica 0 in this JVM (it holds the
 * writer, as the leading scheduler does), replicas 1..N-1 as separate processes started with the
 * log benchmark's {@link ReplicaProcesses}; real files and fsync on every replica.
 */
final class LogCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final ReplicaProcesses followers;
  private final ReplicatedLog log;
  private final DurableStorage storage;
  private final ScheduledExecutorService timers;
  private final ExecutorService commits;
  private final MeterRegistry registry;

  private LogCluster(ReplicaProcesses followers, ReplicatedLog log, DurableStorage storage,
      ScheduledExecutorService timers, ExecutorService commits, MeterRegistry registry) {
    this.registry = registry;
    this.followers = followers;
    this.log = log;
    this.storage = storage;
    this.timers = timers;
    this.commits = commits;
  }

  /** Starts {@code replicas} replicas (quorum a majority) under {@code dir} and leads. */
  static LogCluster start(Path dir, int replicas, List<String> replicaJvmOptions) throws Exception {
    int quorum = replicas / 2 + 1;
    List<HostAndPort> addresses = LogBench.freeLoopbackAddresses(replicas);
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      dirs.add(Files.createDirectories(dir.resolve("replica-" + i)));
    }
    ReplicaProcesses followers = ReplicaProcesses.start(
        IntStream.range(1, replicas).boxed().toList(), addresses, dirs, quorum, replicaJvmOptions,
        dir);
    ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    ExecutorService commits = Executors.newFixedThreadPool(2);
    try {
      followers.awaitReady(START_TIMEOUT);
      ReplicatedLog log = ReplicatedLogs.open(
          LogOptions.of(quorum, dirs.get(0), addresses.get(0), addresses),
          new SimpleMeterRegistry(), Optional.empty());
      StorageOptions options = new StorageOptions(Duration.ofDays(1), 512 * 1024,
          Files.createDirectories(dir.resolve("backups")), Duration.ofDays(1), 1);
      MeterRegistry registry = new SimpleMeterRegistry();
      DurableStorage storage = new DurableStorage(log, options, Clock.systemUTC(), timers, commits,
          registry);
      storage.start();
      storage.lead();
      return new LogCluster(followers, log, storage, timers, commits, registry);
    } catch (Exception | Error e) {
      timers.shutdownNow();
      commits.shutdownNow();
      followers.close();
      throw e;
    }
  }

  DurableStorage storage() {
    return storage;
  }

  /**
   * One line on how the storage's writes went: log appends (group commits), transactions per
   * append, append latency, bytes, and time writers waited for the write lock.
   */
  String storageSummary() {
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

  /** Throws if a follower process exited. */
  void checkAlive() {
    followers.checkAlive();
  }

  @Override
  public void close() {
    storage.close();
    log.close();
    timers.shutdownNow();
    commits.shutdownNow();
    followers.close();
  }
}
