package io.aurora.server.bench.log;

import com.google.common.net.HostAndPort;
import io.aurora.log.LogOptions;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.runtime.ReplicatedLogs;
import io.aurora.storage.StorageOptions;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

/**
 * The replicated log every benchmark that needs one starts ({@code log}, {@code storage},
 * {@code schedule}): N replicas on 127.0.0.1 with real files and fsync, each in {@code
 * replica-<i>} under one directory. Replica 0 and any other the caller {@linkplain #open opens}
 * run in this JVM; with {@link #withFollowerProcesses} replicas 1..N-1 run as separate JVMs
 * ({@link ReplicaProcesses}), competing for CPU and disk as real schedulers would.
 *
 * <p>{@link #storage} puts a durable storage over an opened replica, on executors the cluster owns;
 * {@link #close} closes everything opened, in reverse, then stops the processes.
 */
public final class LogCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final int quorum;
  private final List<HostAndPort> addresses;
  private final List<Path> dirs;
  private final Path dir;
  private final Optional<ReplicaProcesses> followers;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
  private final ExecutorService commits = Executors.newFixedThreadPool(2);

  private LogCluster(Path dir, int quorum, List<HostAndPort> addresses, List<Path> dirs,
      Optional<ReplicaProcesses> followers) {
    this.dir = dir;
    this.quorum = quorum;
    this.addresses = List.copyOf(addresses);
    this.dirs = List.copyOf(dirs);
    this.followers = followers;
  }

  /** {@code replicas} replicas under {@code dir}, none running until {@linkplain #open opened}. */
  public static LogCluster inThisJvm(Path dir, int replicas, int quorum) throws IOException {
    return new LogCluster(dir, quorum, freeLoopbackAddresses(replicas), replicaDirs(dir, replicas),
        Optional.empty());
  }

  /**
   * Replicas 1..{@code replicas}-1 started as processes (with {@code jvmOptions}) and ready;
   * replica 0 is for this JVM to {@linkplain #open open}. Process output goes to {@code dir}.
   */
  public static LogCluster withFollowerProcesses(Path dir, int replicas, int quorum,
      List<String> jvmOptions) throws IOException, InterruptedException {
    List<HostAndPort> addresses = freeLoopbackAddresses(replicas);
    List<Path> dirs = replicaDirs(dir, replicas);
    ReplicaProcesses followers = ReplicaProcesses.start(
        IntStream.range(1, replicas).boxed().toList(), addresses, dirs, quorum, jvmOptions, dir);
    try {
      followers.awaitReady(START_TIMEOUT);
    } catch (InterruptedException | RuntimeException e) {
      followers.close();
      throw e;
    }
    return new LogCluster(dir, quorum, addresses, dirs, Optional.of(followers));
  }

  private static List<Path> replicaDirs(Path dir, int replicas) throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      dirs.add(Files.createDirectories(dir.resolve("replica-" + i)));
    }
    return dirs;
  }

  /** Ports free right now on 127.0.0.1 (another process could take one before a replica binds). */
  public static List<HostAndPort> freeLoopbackAddresses(int count) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return held.stream().map(s -> HostAndPort.fromParts("127.0.0.1", s.getLocalPort())).toList();
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
  }

  /** A {@code -replica_jvm_opts}-style flag value split into JVM options. */
  public static List<String> jvmOptions(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  /** Every replica's address, replica 0 first. */
  public List<HostAndPort> addresses() {
    return addresses;
  }

  /** Opens replica {@code i} in this JVM; the cluster closes it. */
  public ReplicatedLog open(int i, MeterRegistry registry) {
    ReplicatedLog log = ReplicatedLogs.open(
        LogOptions.of(quorum, dirs.get(i), addresses.get(i), addresses), registry,
        Optional.empty());
    opened.add(log);
    return log;
  }

  /** A durable storage over {@code log}, not yet started; the cluster closes it. */
  public DurableStorage storage(ReplicatedLog log, MeterRegistry registry) throws IOException {
    StorageOptions options = new StorageOptions(Duration.ofDays(1), 512 * 1024,
        Files.createDirectories(dir.resolve("backups")), Duration.ofDays(1), 1);
    DurableStorage storage = new DurableStorage(log, options, Clock.systemUTC(), timers, commits,
        registry);
    opened.add(storage);
    return storage;
  }

  /** Throws if a follower process exited. */
  public void checkAlive() {
    followers.ifPresent(ReplicaProcesses::checkAlive);
  }

  @Override
  public void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        // Best effort: the benchmark is over, and a storage closes its log's writer already.
      }
    }
    timers.shutdownNow();
    commits.shutdownNow();
    followers.ifPresent(ReplicaProcesses::close);
  }
}
