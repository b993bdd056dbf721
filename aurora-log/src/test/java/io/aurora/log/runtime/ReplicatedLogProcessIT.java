package io.aurora.log.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.common.net.HostAndPort;
import io.aurora.log.testing.FreePorts;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * 3 and 5 replicas as separate JVMs on 127.0.0.1 with real files: under load, replicas are killed
 * with SIGKILL and restarted (one with its directory wiped), the writer is killed and another takes
 * over, and a quorum loss must make appends fail rather than be acknowledged. At the end every
 * acknowledged append must be readable, unchanged, on every replica.
 */
@Timeout(240)
class ReplicatedLogProcessIT {
  @TempDir Path root;
  private final List<Child> children = new ArrayList<>();
  /** Every acknowledged append, by position; two different values at one position fail the test. */
  private final Map<Long, Long> acked = new ConcurrentSkipListMap<>();
  private final List<String> conflicts = new CopyOnWriteArrayList<>();
  private List<String> addresses;
  private int quorum;
  private int starts;

  private final class Child {
    final int index;
    final Process process;
    final BufferedWriter stdin;
    final List<String> lines = new CopyOnWriteArrayList<>();

    Child(int index) throws IOException {
      this.index = index;
      Path dir = root.resolve("r" + index);
      Files.createDirectories(dir);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process = new ProcessBuilder(java, "-Xmx96m", "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          ReplicaProcess.class.getName(), Integer.toString(quorum), dir.toString(),
          Integer.toString(index), String.join(",", addresses))
          .redirectError(logFile(index).toFile())
          .start();
      stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(),
          StandardCharsets.UTF_8));
      Thread reader = new Thread(this::readOutput, "child-" + index);
      reader.setDaemon(true);
      reader.start();
    }

    private void readOutput() {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("ACK ")) {
            String[] f = line.split(" ");
            long pos = Long.parseLong(f[1]);
            long value = Long.parseLong(f[2]);
            Long before = acked.putIfAbsent(pos, value);
            if (before != null && before != value) {
              conflicts.add("position " + pos + " acknowledged as " + before + " and " + value);
            }
          } else {
            lines.add(line);
          }
        }
      } catch (IOException e) {
        // the process died
      }
    }

    void command(String c) throws IOException {
      stdin.write(c + "\n");
      stdin.flush();
    }

    boolean said(String prefix) {
      return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }

    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL: no shutdown hooks, no final fsync
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void killAll() throws InterruptedException {
    for (Child c : children) {
      if (c != null && c.process.isAlive()) {
        c.kill();
      }
    }
  }

  /** Child logs stay in target/ for a post-mortem. */
  private Path logFile(int index) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "process-it"));
    return dir.resolve("n" + children.size() + "-r" + index + "-" + (++starts) + ".log");
  }

  private Child start(int i) throws IOException {
    Child c = new Child(i);
    children.set(i, c);
    return c;
  }

 private void awaitMoreAcks(String step, int more) throws InterruptedException {
    int target = acked.size() + more;
    await(step + ": " + target + " acknowledged appends")
        .atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= target);
  }

  private void wipe(int i) throws IOException {
    Path dir = root.resolve("r" + i);
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @ParameterizedTest(name = "{0} replicas")
  @ValueSource(ints = {3, 5})
  void killedAndWipedReplicas_neverLoseAnAcknowledgedAppend(int n) throws Exception {
    quorum = n / 2 + 1;
    int minority = n - quorum;
    addresses = new ArrayList<>();
    for (HostAndPort address : FreePorts.addresses(n)) {
      addresses.add(address.toString());
      children.add(null);
    }
    for (int i = 0; i < n; i++) {
      start(i);
    }
    children.get(0).command("elect");
    awaitMoreAcks("first writer", 150);

    // A minority dies under load (one loses its disk) and comes back.
    for (int i = 1; i <= minority; i++) {
      children.get(i).kill();
    }
    awaitMoreAcks("minority down", 150);
    wipe(1);
    for (int i = 1; i <= minority; i++) {
      start(i);
    }
    awaitMoreAcks("minority restarted", 150);
    // The next failure may only come once they vote again: the wiped one must recover first.
    for (int i = 1; i <= minority; i++) {
      Child c = children.get(i);
      await("replica " + i + " to vote again")
          .atMost(Duration.ofSeconds(60)).until(() -> c.said("VOTING"));
    }

    // The writer dies; another replica takes over.
    children.get(0).kill();
    children.get(n - 1).command("elect");
    awaitMoreAcks("second writer", 150);
    Child restarted = start(0);
    await("replica 0 to vote again")
        .atMost(Duration.ofSeconds(60)).until(() -> restarted.said("VOTING"));

    // Quorum loss: appends must fail, not be acknowledged.
    for (int i = 0; i <= minority; i++) {
      children.get(i).kill();
    }
    Child writer = children.get(n - 1);
    await("the writer to fail").atMost(Duration.ofSeconds(30)).until(() -> writer.said("FAIL"));
    int frozen = acked.size();
    await("no append acknowledged for 2 s after the quorum was lost")
        .during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> acked.size() == frozen);
    for (int i = 0; i <= minority; i++) {
      start(i);
    }

    // Everyone must hold every acknowledged append.
    Path file = root.resolve("acked.txt");
    Files.write(file, acked.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.toList()));
    for (Child c : children) {
      c.command("check " + file);
    }
    for (Child c : children) {
      await("replica " + c.index + " to check")
          .atMost(Duration.ofSeconds(60)).until(() -> c.said("CHECK"));
      assertThat(c.lines.stream().filter(l -> l.startsWith("CHECK")).findFirst().orElseThrow())
          .as("replica %d", c.index).startsWith("CHECK OK");
    }
    assertThat(conflicts).isEmpty();
    assertThat(acked.size()).isGreaterThanOrEqualTo(600);
  }
}
