package io.aurora.server.bench.schedule;

import com.google.common.net.HostAndPort;
import io.aurora.log.LogOptions;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.runtime.ReplicatedLogs;
import io.aurora.server.bench.log.LogBench;
import io.aurora.server.bench.log.ReplicaProcesses;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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

  private LogCluster(ReplicaProcesses followers, ReplicatedLog log, DurableStorage storage,
      ScheduledExecutorService timers, ExecutorService commits) {
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
      DurableStorage storage = new DurableStorage(log, options, Clock.systemUTC(), timers, commits,
          new SimpleMeterRegistry());
      storage.start();
      storage.lead();
      return new LogCluster(followers, log, storage, timers, commits);
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
