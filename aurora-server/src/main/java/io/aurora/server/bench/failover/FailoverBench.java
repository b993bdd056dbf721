package io.aurora.server.bench.failover;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.server.bench.Await;
import io.aurora.server.bench.Bench;
import io.aurora.server.bench.JsonLine;
import io.aurora.server.zk.EmbeddedZooKeeper;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import picocli.CommandLine.Option;

/**
 * {@code aurora-bench failover}: three schedulers (quorum 2) from this distribution with {@code
 * -tasks} tasks RUNNING on simulated agents; SIGKILLs the leader and measures, from the kill, the
 * time until a scheduler accepts a write ({@code createJob} returns OK) and until one is
 * subscribed to Mesos ({@code framework_registered 1} on a leader's {@code /vars}). Ends with one
 * JSON line.
 */
public final class FailoverBench implements Bench {
  private static final int TASKS_PER_JOB = 1000;
  /**
   * Agents are sized for about 100 tasks each (0.01 CPU plus the executor's 0.25): one ACCEPT
   * call then launches at most that many, which the local master takes in one request (ACCEPTs
   * of 1,000+ launches were answered 413).
   */
  private static final int TASKS_PER_AGENT = 100;
  private static final String AGENT_RESOURCES = "cpus:28;mem:65536;disk:1000000;ports:[31000-32000]";

  /** Flags of the failover benchmark. */
  static final class Flags {
    @Option(names = "-tasks", defaultValue = "100000", description = "Tasks RUNNING before the kill.")
    int tasks;

    @Option(names = "-zk_session_timeout_ms", defaultValue = "4000",
        description = "The schedulers' -zk_session_timeout (2 to 20 ticks: 4000 to 40000 at the default tick).")
    int zkSessionTimeoutMs;

    @Option(names = "-zk_tick_ms", defaultValue = "2000",
        description = "The embedded ZooKeeper's tickTime: it checks for expired sessions once a tick.")
    int zkTickMs;

    @Option(names = "-mesos_java_opts", defaultValue = "-Xmx1g",
        description = "JAVA_OPTS of aurora-local-mesos, which keeps every task.")
    String mesosJavaOpts;

    @Option(names = "-dir", description = "Where each run makes its working directory (default: the temp dir); kept after the run.")
    Path dir;

    @Option(names = "-scheduler_java_opts", defaultValue = "-Xmx2g",
        description = "JAVA_OPTS of each scheduler.")
    String schedulerJavaOpts;

    @Option(names = "-timeout_secs", defaultValue = "1800",
        description = "Give up if a phase (tasks RUNNING, takeover) takes longer.")
    int timeoutSecs;
  }

  @Override
  public String name() {
    return "failover";
  }

  @Override
  public String description() {
    return "Three schedulers, -tasks RUNNING; SIGKILL the leader: time to the first write and to Mesos subscription.";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Flags flags = new Flags();
    OptionalInt exit = parseFlags(flags, "Usage: aurora-bench failover [-tasks=<int>]"
        + " [-zk_session_timeout_ms=<int>] [-zk_tick_ms=<int>] [-dir=<path>]"
        + " [-scheduler_java_opts=<opts>] [-mesos_java_opts=<opts>] [-timeout_secs=<int>]",
        () -> validate(flags), args, out, err);
    if (exit.isPresent()) {
      return exit.getAsInt();
    }
    Optional<Path> home = distributionHome();
    if (home.isEmpty()) {
      err.println("aurora-bench failover: cannot find the distribution (bin/aurora-scheduler);"
          + " run it from an unzipped zip or set AURORA_HOME");
      return 1;
    }
    // A new directory for each run, also under -dir, so that repeated runs never meet the
    // state of an earlier one; it is kept, with every process's output, for reading afterwards.
    Path dir = flags.dir != null
        ? Files.createTempDirectory(Files.createDirectories(flags.dir), "aurora-failover-bench-")
        : Files.createTempDirectory("aurora-failover-bench-");
    out.println("working directory " + dir);
    Result r = measure(home.get(), dir, flags, out);
    out.printf(Locale.ROOT, "failover: %d tasks, ZooKeeper session timeout %d ms (tick %d ms): the"
            + " killed leader's session expired after %d ms; first write after %d ms, subscribed to"
            + " Mesos after %d ms (%s led, %s took over)%n", r.tasks(), flags.zkSessionTimeoutMs,
        flags.zkTickMs, r.toSessionExpiredMs(),
        r.toFirstWriteMs(), r.toSubscribedMs(), r.killed(), r.successor());
    out.println(JsonLine.of().add("tasks", r.tasks())
        .add("zk_session_timeout_ms", flags.zkSessionTimeoutMs)
        .add("to_first_write_ms", r.toFirstWriteMs()).add("to_subscribed_ms", r.toSubscribedMs())
        .add("zk_tick_ms", flags.zkTickMs)
        .add("session_expired_ms", r.toSessionExpiredMs())
        // The successor's own part: from the end of the killed leader's session to the write.
        .add("expired_to_first_write_ms", r.toSessionExpiredMs() < 0 ? -1
            : r.toFirstWriteMs() - r.toSessionExpiredMs()));
    return 0;
  }

  private static Optional<String> validate(Flags flags) {
    if (flags.tasks < 1) {
      return Optional.of("-tasks must be at least 1: " + flags.tasks);
    }
    if (flags.zkTickMs < 1) {
      return Optional.of("-zk_tick_ms must be at least 1: " + flags.zkTickMs);
    }
    // ZooKeeper grants sessions of 2 to 20 ticks and silently clamps others.
    long min = 2L * flags.zkTickMs;
    long max = 20L * flags.zkTickMs;
    if (flags.zkSessionTimeoutMs < min || flags.zkSessionTimeoutMs > max) {
      return Optional.of("-zk_session_timeout_ms must be between 2 and 20 ticks of -zk_tick_ms="
          + flags.zkTickMs + " (" + min + " to " + max + "): " + flags.zkSessionTimeoutMs);
    }
    return Optional.empty();
  }

  /** What one run measured. */
  record Result(int tasks, long toFirstWriteMs, long toSubscribedMs, long toSessionExpiredMs,
      String killed, String successor) {}

  /** True once none of the killed leader's serverset member nodes is left (its session expired). */
  private static boolean membersGone(CuratorFramework curator, List<String> before) {
    try {
      List<String> now = members(curator);
      return before.stream().noneMatch(now::contains);
    } catch (Exception e) {
      return false;
    }
  }

  private static List<String> members(CuratorFramework curator) throws Exception {
    return curator.getChildren().forPath(FailoverCluster.SERVERSET).stream()
        .filter(n -> n.startsWith("member_")).toList();
  }

  private Result measure(Path home, Path dir, Flags flags, PrintStream out) throws Exception {
    Await await = new Await(Duration.ofMillis(10));
    Duration timeout = Duration.ofSeconds(flags.timeoutSecs);
    // Loading 100,000 tasks takes minutes: poll for it once a second, not at the takeover's pace.
    Await loading = new Await(Duration.ofSeconds(1));
    try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(dir.resolve("zk"), 0,
        Duration.ofSeconds(30), Duration.ofMillis(flags.zkTickMs))) {
      int agents = flags.tasks / TASKS_PER_AGENT + 1;
      ClusterOptions options = new ClusterOptions(home, dir.resolve("cluster"), zk.connectString(),
          3, 2, Duration.ofMillis(flags.zkSessionTimeoutMs), agents,
          AGENT_RESOURCES, flags.schedulerJavaOpts,
          List.of(), flags.mesosJavaOpts);
      try (FailoverCluster cluster = FailoverCluster.start(options)) {
        SchedulerNode leader = cluster.awaitLeader(Duration.ofMinutes(2));
        out.printf("leader %s; creating %d tasks on %d simulated agents%n", leader.name(),
            flags.tasks, agents);
        AuroraAdmin.Client api = ClusterApi.client(leader.http(), Duration.ofSeconds(60));
        for (int job = 0, left = flags.tasks; left > 0; job++, left -= TASKS_PER_JOB) {
          JobKey key = new JobKey("bench", "prod", "job" + job);
          Response r = api.createJob(ClusterApi.job(key, Math.min(left, TASKS_PER_JOB)));
          if (r.getResponseCode() != ResponseCode.OK) {
            throw new IllegalStateException("createJob " + key + ": " + r.getDetails());
          }
        }
        SchedulerNode first = leader;
        long runningSince = System.nanoTime();
        loading.until(flags.tasks + " tasks RUNNING", timeout,
            () -> first.var("task_store_RUNNING").filter(v -> v.equals(Integer.toString(flags.tasks))).isPresent());
        out.printf("%d tasks RUNNING after %d ms%n", flags.tasks,
            (System.nanoTime() - runningSince) / 1_000_000);

        try (CuratorFramework curator = CuratorFrameworkFactory.newClient(zk.connectString(),
            new RetryNTimes(10, 200))) {
          curator.start();
          cluster.checkAllAlive();
          List<String> membersBefore = members(curator);
          out.println("serverset members before the kill: " + membersBefore);
          long killedAt = System.nanoTime();
          leader.kill();
          List<SchedulerNode> rest = new ArrayList<>(cluster.nodes());
          rest.remove(leader);
          long[] expired = {-1};
          long[] firstWrite = {-1};
          long[] subscribed = {-1};
          String[] successor = {""};
          int[] attempt = {0};
          await.until("a new leader that writes and is subscribed", timeout, () -> {
            if (expired[0] < 0 && !membersBefore.isEmpty() && membersGone(curator, membersBefore)) {
              expired[0] = System.nanoTime() - killedAt;
            }
            for (SchedulerNode node : rest) {
              if (subscribed[0] < 0 && node.leading()
                  && node.var("framework_registered").filter("1"::equals).isPresent()) {
                subscribed[0] = System.nanoTime() - killedAt;
                successor[0] = node.name();
              }
              // A fresh name per attempt: one that timed out here may still have been written.
              JobKey probe = new JobKey("bench", "prod", "after-failover-" + attempt[0]++);
              if (firstWrite[0] < 0 && tryWrite(node, probe)) {
                firstWrite[0] = System.nanoTime() - killedAt;
              }
            }
            return firstWrite[0] >= 0 && subscribed[0] >= 0;
          });
          return new Result(flags.tasks, firstWrite[0] / 1_000_000, subscribed[0] / 1_000_000,
              expired[0] / 1_000_000, leader.name(), successor[0]);
        }
      }
    }
  }

  /** One createJob straight at {@code node} (no redirect to a dead leader): true if OK. */
  private static boolean tryWrite(SchedulerNode node, JobKey probe) {
    try {
      Response r = ClusterApi.client(node.http(), Duration.ofSeconds(5))
          .createJob(ClusterApi.job(probe, 1));
      return r.getResponseCode() == ResponseCode.OK;
    } catch (Exception e) {
      return false;
    }
  }

  /** {@code $AURORA_HOME}, else the directory above the {@code lib/} this class was loaded from. */
  static Optional<Path> distributionHome() {
    String env = System.getenv("AURORA_HOME");
    if (env != null && Files.isExecutable(Path.of(env, "bin/aurora-scheduler"))) {
      return Optional.of(Path.of(env));
    }
    try {
      Path jar = Path.of(FailoverBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path home = jar.getParent() == null ? null : jar.getParent().getParent();
      return home != null && Files.isExecutable(home.resolve("bin/aurora-scheduler"))
          ? Optional.of(home) : Optional.empty();
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
