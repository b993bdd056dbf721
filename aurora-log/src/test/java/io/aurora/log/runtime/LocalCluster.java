package io.aurora.log.runtime;

import com.google.common.net.HostAndPort;
import io.aurora.log.LogOptions;
import io.aurora.log.testing.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** N replicas in this JVM on 127.0.0.1 with real files and sockets, each restartable. */
final class LocalCluster implements AutoCloseable {
  final List<HostAndPort> addresses = new ArrayList<>();
  final List<Path> dirs = new ArrayList<>();
  final LoopBackedLog[] logs;
  final SimpleMeterRegistry[] registries;
  private final int quorum;
  /** Learned values each replica keeps in memory; set before starting replicas. */
  int learnedValuesInMemory = LogOptions.DEFAULT_LEARNED_VALUES_IN_MEMORY;

  LocalCluster(Path root, int replicas, int quorum) throws IOException {
    this.quorum = quorum;
    logs = new LoopBackedLog[replicas];
    registries = new SimpleMeterRegistry[replicas];
    addresses.addAll(FreePorts.addresses(replicas));
    for (int i = 0; i < replicas; i++) {
      dirs.add(Files.createDirectories(root.resolve("r" + i)));
    }
  }

  LogOptions options(int i) {
    return LogOptions.of(quorum, dirs.get(i), addresses.get(i), addresses)
        .withTimeouts(Duration.ofSeconds(2), 10, Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withTickInterval(Duration.ofMillis(20))
        .withLearnedValuesInMemory(learnedValuesInMemory);
  }

  LoopBackedLog start(int i) {
    registries[i] = new SimpleMeterRegistry();
    logs[i] = ReplicatedLogs.open(options(i), registries[i], Optional.empty());
    return logs[i];
  }

  void stop(int i) {
    if (logs[i] != null) {
      logs[i].close();
      logs[i] = null;
    }
  }

  void wipe(int i) throws IOException {
    try (var files = Files.walk(dirs.get(i))) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(dirs.get(i))) {
          Files.delete(p);
        }
      }
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < logs.length; i++) {
      stop(i);
    }
  }
}
