package io.aurora.log.runtime;

import static org.awaitility.Awaitility.await;

import com.google.common.net.HostAndPort;
import io.aurora.log.Entry;
import io.aurora.log.LogOptions;
import io.aurora.log.Position;
import io.aurora.log.Reader;
import io.aurora.log.Writer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One replica as its own JVM, driven over stdin by {@link ReplicatedLogProcessIT}: {@code elect}
 * makes it the writer and starts appending (printing {@code ACK position value} per acknowledged
 * append), {@code stop} stops appending, {@code check FILE} verifies that every acknowledged
 * {@code position value} line of FILE is learned here with that value.
 *
 * <p>Arguments: quorum, data directory, own index, comma-separated replica addresses.
 */
public final class ReplicaProcess {
  private static final Object OUT = new Object();
  private static final Duration POLL = Duration.ofMillis(50);
  /** The protocol channel to the test; logs go to stderr. */
  private static final java.io.PrintStream PROTOCOL = System.out;

  private ReplicaProcess() {}

  static void say(String line) {
    synchronized (OUT) {
      PROTOCOL.println(line);
      PROTOCOL.flush();
    }
  }

  public static void main(String[] args) throws Exception {
    System.setOut(System.err);
    int quorum = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    int self = Integer.parseInt(args[2]);
    List<HostAndPort> addresses = Arrays.stream(args[3].split(",")).map(HostAndPort::fromString)
        .toList();
    LogOptions options = LogOptions.of(quorum, dir, addresses.get(self), addresses)
        .withTimeouts(Duration.ofSeconds(2), 15, Duration.ofSeconds(1), Duration.ofSeconds(2))
        .withTickInterval(Duration.ofMillis(20))
        // Far fewer than the appends of a run: catch-up and reads come from disk under the faults.
        .withLearnedValuesInMemory(32);
    LoopBackedLog log = ReplicatedLogs.open(options, new SimpleMeterRegistry(), Optional.empty());
    say("READY");
    Thread status = new Thread(() -> {
      await("this replica to vote").forever().pollInterval(POLL)
          .until(() -> log.replicaStatus().equals("VOTING"));
      say("VOTING");
    }, "status");
    status.setDaemon(true);
    status.start();
    AtomicBoolean writing = new AtomicBoolean();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("elect")) {
        writing.set(true);
        Thread t = new Thread(() -> write(log, writing), "writer");
        t.setDaemon(true);
        t.start();
      } else if (line.equals("stop")) {
        writing.set(false);
      } else if (line.startsWith("check ")) {
        say(check(log.reader(), Path.of(line.substring(6))));
      }
    }
    log.close();
  }

  private static void write(LoopBackedLog log, AtomicBoolean writing) {
    Writer w;
    try {
      w = log.elect();
    } catch (Exception e) {
      say("FAIL elect " + e);
      return;
    }
    say("ELECTED");
    SecureRandom random = new SecureRandom();
    Semaphore window = new Semaphore(32);
    AtomicBoolean failed = new AtomicBoolean();
    while (writing.get() && !failed.get()) {
      try {
        if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
      } catch (InterruptedException e) {
        return;
      }
      long value = random.nextLong();
      w.append(ByteBuffer.allocate(64).putLong(value).array()).whenComplete((p, e) -> {
        window.release();
        if (e == null) {
          say("ACK " + p.value() + " " + value);
        } else if (!failed.getAndSet(true)) {
          say("FAIL append " + e);
        }
      });
    }
  }

  private static String check(Reader r, Path acks) {
    try {
      List<long[]> expected = Files.readAllLines(acks).stream().filter(l -> !l.isBlank())
          .map(l -> Arrays.stream(l.trim().split(" ")).mapToLong(Long::parseLong).toArray())
          .toList();
      long max = expected.stream().mapToLong(a -> a[0]).max().orElse(0);
      try {
        await("learning up to " + max).atMost(Duration.ofSeconds(30)).pollInterval(POLL)
            .until(() -> r.ending().value() >= max);
      } catch (ConditionTimeoutException e) {
        return "CHECK FAIL learned only up to " + r.ending() + " < " + max;
      }
      int checked = 0;
      for (long[] a : expected) {
        if (a[0] < r.beginning().value()) {
          continue;
        }
        List<Entry> e = r.read(Position.of(a[0]), Position.of(a[0]));
        if (e.size() != 1 || ByteBuffer.wrap(e.get(0).data()).getLong() != a[1]) {
          return "CHECK FAIL position " + a[0] + " holds " + e + ", acknowledged " + a[1];
        }
        checked++;
      }
      return "CHECK OK " + checked;
    } catch (Exception e) {
      return "CHECK FAIL " + e;
    }
  }
}
