package io.aurora.dist;

import io.aurora.server.bench.failover.ChildProcess;
import io.aurora.server.bench.failover.FailoverCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The distribution's {@code bin/aurora}, finding the leader through a {@link FailoverCluster}'s
 * serverset. Each run's output is kept in its own file under a directory of the test's.
 */
final class DistClient {
  /** How long one command may take before the test gives up on it. */
  private static final long TIMEOUT_SECS = 120;

  /** How a command ended and what it printed (both streams). */
  record Run(int exit, String output) {}

  private final Path home;
  private final String zkConnect;
  private final Path outputs;
  private final AtomicInteger runs = new AtomicInteger();

  DistClient(Path home, String zkConnect, Path outputs) {
    this.home = home;
    this.zkConnect = zkConnect;
    this.outputs = outputs;
  }

  /** Runs {@code bin/aurora --zk=... --serverset=... ARGS} and waits for it to end. */
  Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/aurora").toString(),
        "--zk=" + zkConnect, "--serverset=" + FailoverCluster.SERVERSET));
    command.addAll(List.of(args));
    Files.createDirectories(outputs);
    Path out = outputs.resolve("aurora-" + runs.incrementAndGet() + ".out");
    ChildProcess client = ChildProcess.start("aurora", command,
        Map.of("JAVA_HOME", System.getProperty("java.home")), out);
    OptionalInt exit = client.exitStatus(TIMEOUT_SECS);
    if (exit.isEmpty()) {
      client.kill();
      throw new AssertionError(String.join(" ", command) + " did not end within "
          + TIMEOUT_SECS + " s:\n" + client.output());
    }
    return new Run(exit.getAsInt(), client.output());
  }
}
