package io.aurora.server.bench.log;

import com.google.common.net.HostAndPort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Follower replicas of the {@code log} benchmark, each a separate JVM ({@link LogBenchReplicaMain})
 * on this machine's classpath, so that they compete for CPU and disk as real schedulers would.
 *
 * <p>Three things make sure no replica outlives the benchmark: {@link #close()} closes their
 * standard input, on which they wait and exit; a shutdown hook kills them if the benchmark's JVM
 * exits any other way (Ctrl-C, {@code kill}); and should the benchmark's JVM die without running
 * hooks ({@code kill -9}) their standard input reaches end of file all the same.
 */
final class ReplicaProcesses implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final List<Child> children = new CopyOnWriteArrayList<>();
  private final Thread killer = new Thread(this::killAll, "aurora-log-bench-killer");

  private record Child(int index, Process process, Path logFile, CompletableFuture<Void> ready) {}

  private ReplicaProcesses() {}

  /**
   * Starts replica {@code i} for every index in {@code indices}, listening on {@code addresses[i]}
   * with its files in {@code dirs[i]} and its log in {@code logDir/replica-<i>.log}.
   */
  static ReplicaProcesses start(List<Integer> indices, List<HostAndPort> addresses, List<Path> dirs,
      int quorum, List<String> jvmOptions, Path logDir) throws IOException {
    ReplicaProcesses processes = new ReplicaProcesses();
    Runtime.getRuntime().addShutdownHook(processes.killer);
    try {
      for (int i : indices) {
        processes.launch(i, addresses, dirs.get(i), quorum, jvmOptions, logDir);
      }
    } catch (IOException | RuntimeException e) {
      processes.close();
      throw e;
    }
    return processes;
  }

  private void launch(int i, List<HostAndPort> addresses, Path dir, int quorum,
      List<String> jvmOptions, Path logDir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LogBenchReplicaMain.class.getName());
    command.add("-dir=" + dir);
    command.add("-listen=" + addresses.get(i));
    command.add("-peers=" + addresses.stream().map(HostAndPort::toString)
        .collect(Collectors.joining(",")));
    command.add("-quorum=" + quorum);
    Path logFile = logDir.resolve("replica-" + i + ".log");
    Process p = new ProcessBuilder(command)
        .redirectError(logFile.toFile())
        .start();
    Child child = new Child(i, p, logFile, new CompletableFuture<>());
    children.add(child);
    Thread watcher = new Thread(() -> watch(child), "aurora-log-bench-replica-" + i);
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Reads a child's standard output (its ready line, then nothing) until it exits. */
  private static void watch(Child child) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.process().getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(LogBenchReplicaMain.READY)) {
          child.ready().complete(null);
        }
      }
    } catch (IOException e) {
      // The pipe broke: the process is gone, which the ready future reports below.
    }
    child.ready().completeExceptionally(new IllegalStateException("exited"));
  }

  /** Waits until every replica listens for its peers, at most {@code timeout} for each. */
  void awaitReady(Duration timeout) throws InterruptedException {
    for (Child c : children) {
      try {
        c.ready().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("replica " + c.index() + " did not start ("
            + (e instanceof TimeoutException ? "not ready after " + timeout.toSeconds() + " s"
                : "it exited") + "); see " + c.logFile() + tail(c));
      }
    }
  }

  /** Throws if a replica exited. */
  void checkAlive() {
    for (Child c : children) {
      if (!c.process().isAlive()) {
        throw new IllegalStateException("replica " + c.index() + " exited with status "
            + c.process().exitValue() + "; see " + c.logFile() + tail(c));
      }
    }
  }

  private static String tail(Child c) {
    List<String> lines = new ArrayList<>();
    try {
      List<String> all = Files.readAllLines(c.logFile(), StandardCharsets.UTF_8);
      lines.addAll(all.subList(Math.max(0, all.size() - 3), all.size()));
    } catch (IOException e) {
      // Nothing more to say than the path.
    }
    return lines.isEmpty() ? "" : ": " + String.join(" | ", lines);
  }

  /** Asks every replica to stop (end of its standard input), then kills those that did not. */
  @Override
  public void close() {
    for (Child c : children) {
      try {
        c.process().getOutputStream().close();
      } catch (IOException e) {
        // Already gone.
      }
    }
    for (Child c : children) {
      try {
        if (!c.process().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          c.process().destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        killAll();
        Thread.currentThread().interrupt();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and runs the hook itself.
    }
  }

  private void killAll() {
    for (Child c : children) {
      c.process().destroyForcibly();
    }
  }
}
