package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskQuery;
import io.aurora.log.storage.FileLogStorage;
import io.aurora.server.bench.failover.ChildProcess;
import io.aurora.server.bench.failover.ClusterApi;
import io.aurora.server.bench.failover.FailoverCluster;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of docs/deploying.md ("Troubleshooting") on the unzipped distribution: each
 * fault ends in a bounded time with one line that names what is wrong, or is survived. A leading
 * scheduler ({@code -zk_in_proc}, the embedded master) is the healthy neighbour whose directory and
 * ports the faulty ones collide with; the faulty ones start together, to keep the run short.
 *
 * <p>Covered here: ZooKeeper unreachable at start; a log directory locked, not a directory, or
 * damaged in the middle; the HTTP, Thrift and log ports in use; a Mesos master never reachable
 * ({@code -max_registration_delay}); SIGTERM while waiting for ZooKeeper, following, waiting for
 * Mesos and leading; ZooKeeper lost under a leader and a follower; a Mesos master restarted
 * without its tasks; and {@code bin/aurora}'s errors. The log disk filling up is in-process
 * ({@code LogDiskFullTest} in aurora-storage), and the monotonic time of the log and the leader's
 * deadlines is an architecture rule ({@code MonotonicTimeRules} in aurora-server).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
  /** A start fault must end the process within this, JVM start included, on a loaded machine. */
  private static final long START_FAULT_SECONDS = 60;
  /** The bound for a SIGTERM in any state. */
  private static final long STOP_SECONDS = 10;
  private static final Duration UP = Duration.ofSeconds(90);

  @TempDir static Path tmp;
  private static Path home;
  private static FaultScheduler leader;
  private static int leaderZk;

  @BeforeAll
  static void startLeader() throws Exception {
    home = DistZip.unpack(tmp);
    leaderZk = FailoverCluster.freePort();
    leader = FaultScheduler.start(home, tmp, "leader", Map.of(), "-zk_in_proc",
        "-zk_endpoints=127.0.0.1:" + leaderZk, "-mesos_master_address=local");
    await("the leader to lead").atMost(UP).until(() -> leader.status("/leaderhealth") == 200);
  }

  @AfterAll
  static void killLeader() {
    if (leader != null && leader.process().alive()) {
      leader.process().kill();
    }
  }

  @Test
  @Order(1)
  void startFaults_exitAtOnce_withOneLineNamingTheCause() throws Exception {
    String zk = "-zk_endpoints=127.0.0.1:" + leaderZk;
    String noMaster = "-mesos_master_address=127.0.0.1:" + FailoverCluster.freePort();
    Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
    int deadZk = FailoverCluster.freePort();
    Path corrupt = damagedSegment(tmp.resolve("corrupt/log"));
    List<FaultScheduler> faulty = List.of(
        FaultScheduler.start(home, tmp, "zk-unreachable", Map.of(),
            "-zk_endpoints=127.0.0.1:" + deadZk, "-zk_connection_timeout=2secs", noMaster),
        FaultScheduler.start(home, tmp, "log-locked", Map.of(), zk, noMaster,
            "-native_log_file_path=" + leader.dir().resolve("log")),
        FaultScheduler.start(home, tmp, "log-not-a-directory", Map.of(), zk, noMaster,
            "-native_log_file_path=" + file.resolve("log")),
        FaultScheduler.start(home, tmp, "http-port-in-use", Map.of(), zk, noMaster,
            "-http_port=" + leader.http()),
        FaultScheduler.start(home, tmp, "thrift-port-in-use", Map.of(), zk, noMaster,
            "-thrift_port=" + leader.thrift()),
        FaultScheduler.start(home, tmp, "log-port-in-use",
            Map.of("LIBPROCESS_PORT", Integer.toString(leader.http())), zk, noMaster),
        FaultScheduler.start(home, tmp, "log-corrupt", Map.of(), zk, noMaster,
            "-native_log_file_path=" + corrupt.getParent()));
    for (FaultScheduler s : faulty) {
      assertThat(s.awaitExit(START_FAULT_SECONDS)).as(s.name()).isEqualTo(1);
    }
    faulty.get(0).assertOneErrorLine("cannot connect to ZooKeeper at 127.0.0.1:" + deadZk,
        "-zk_connection_timeout");
    // One line per connection attempt (about one a second), not a stack trace each.
    assertThat(faulty.get(0).output().lines().filter(l -> l.contains("ClientCnxn")).count())
        .isBetween(1L, 5L);
    faulty.get(1).assertOneErrorLine("log directory " + leader.dir().resolve("log"),
        "in use by another process", "-native_log_file_path");
    faulty.get(2).assertOneErrorLine("cannot use the log directory " + file.resolve("log"),
        "Not a directory", "-native_log_file_path");
    faulty.get(3).assertOneErrorLine("127.0.0.1:" + leader.http(), "-http_port",
        "Address already in use");
    faulty.get(4).assertOneErrorLine("127.0.0.1:" + leader.thrift(), "-thrift_port",
        "Address already in use");
    faulty.get(5).assertOneErrorLine("127.0.0.1:" + leader.http(), "LIBPROCESS_PORT",
        "Address already in use");
    faulty.get(6).assertOneErrorLine("corrupt log record in " + corrupt + " at offset ",
        "-native_log_file_path", "docs/replicated-log.md");
  }

  /**
   * The Mesos master restarts and forgets its tasks (a master without a registry): the leader
   * re-subscribes with its framework id and reconciles; the master answers TASK_LOST for the tasks
   * it no longer knows, and the scheduler records them LOST and runs replacements.
   */
  @Test
  @Order(5)
  void mesosMasterRestarted_forgetsItsTasks_theyBecomeLostAndAreRescheduled() throws Exception {
    int port = FailoverCluster.freePort();
    ChildProcess master = startMaster(port, "master-1");
    FaultScheduler s = FaultScheduler.start(home, tmp, "master-restart", Map.of(), "-zk_in_proc",
        "-zk_endpoints=127.0.0.1:" + FailoverCluster.freePort(),
        "-mesos_master_address=127.0.0.1:" + port);
    try {
      await("the scheduler to lead").atMost(UP).until(() -> s.status("/leaderhealth") == 200);
      AuroraAdmin.Client api = ClusterApi.client("http://127.0.0.1:" + s.http(),
          Duration.ofSeconds(30));
      JobKey key = new JobKey("www", "prod", "survivor");
      Response created = api.createJob(ClusterApi.job(key, 2));
      assertThat(created.getResponseCode()).as("%s", created.getDetails())
          .isEqualTo(ResponseCode.OK);
      Set<String> before = await("2 tasks RUNNING").atMost(UP)
          .until(() -> taskIds(api, key, ScheduleStatus.RUNNING), ids -> ids.size() == 2);

      master.kill();
      master = startMaster(port, "master-2");
      await("the forgotten tasks LOST").atMost(UP)
          .until(() -> taskIds(api, key, ScheduleStatus.LOST).equals(before));
      Set<String> after = await("2 replacements RUNNING").atMost(UP)
          .until(() -> taskIds(api, key, ScheduleStatus.RUNNING), ids -> ids.size() == 2);
      assertThat(after).doesNotContainAnyElementsOf(before);
      assertThat(s.process().alive()).isTrue();
      s.assertNoStackTrace();
    } finally {
      s.process().kill();
      master.kill();
    }
  }

  /**
   * bin/aurora's errors are one line each on stderr, naming the file, line and column of a broken
   * job file, or the URL or ensemble it could not reach and why; none shows a stack trace.
   */
  @Test
  @Order(6)
  void clientErrors_areOneLineEach() throws Exception {
    Path job = Files.writeString(tmp.resolve("broken.json"),
        "{\n  \"jobs\": [\n    {\"name\": \"x\"");
    int nobody = FailoverCluster.freePort();
    assertThat(client("--scheduler=http://127.0.0.1:" + nobody, "job", "create",
        "devcluster/www/prod/x", job.toString())).isEqualTo("aurora: " + job + ", line 3, column 17:"
        + " not valid JSON: the file ends inside the object or array opened at line 3, column 5"
        + " (a closing } or ] is missing)");
    assertThat(client("--scheduler=http://127.0.0.1:" + nobody, "job", "status",
        "devcluster/www/prod/x")).isEqualTo("aurora: cannot reach http://127.0.0.1:" + nobody
        + "/api: connection refused (is the scheduler running?)");
    assertThat(client("--zk=127.0.0.1:" + nobody, "job", "status", "devcluster/www/prod/x"))
        .isEqualTo("aurora: cannot reach ZooKeeper at 127.0.0.1:" + nobody + " within 10 seconds");
  }

  /** Runs bin/aurora, expects exit status 3 or 7, and returns what it printed (one line). */
  private static String client(String... args) throws Exception {
    Path out = Files.createTempFile(tmp, "client", ".out");
    List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/aurora").toString()));
    command.addAll(List.of(args));
    ChildProcess client = ChildProcess.start("aurora", command,
        Map.of("JAVA_HOME", System.getProperty("java.home"),
            "JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"), out);
    java.util.OptionalInt exit = client.exitStatus(60);
    assertThat(exit).as("bin/aurora %s exits", args[args.length - 1]).isPresent();
    assertThat(exit.getAsInt()).as(client.output()).isIn(3, 7);
    String output = client.output();
    assertThat(output.lines()).as(output).hasSize(1);
    return output.strip();
  }

  /** {@code bin/aurora-local-mesos} with one simulated agent, listening on {@code port}. */
  private static ChildProcess startMaster(int port, String name) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    ChildProcess master = ChildProcess.start(name, List.of(
            home.resolve("bin/aurora-local-mesos").toString(), "-port=" + port,
            "-local_agents=0", "-local_simulated_agents=1",
            "-local_simulated_agent_resources=cpus:8;mem:16384;disk:100000;ports:[31000-32000]",
            "-work_dir=" + dir.resolve("work")),
        Map.of("JAVA_HOME", System.getProperty("java.home"),
            "JAVA_OPTS", "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"),
        dir.resolve("mesos.out"));
    await(name + " to listen").atMost(UP).until(() -> {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException e) {
        return false;
      }
    });
    return master;
  }

  private static Set<String> taskIds(AuroraAdmin.Client api, JobKey key, ScheduleStatus status)
      throws Exception {
    Response r = api.getTasksStatus(new TaskQuery().setJobKeys(Set.of(key))
        .setStatuses(Set.of(status)));
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    return r.getResult().getScheduleStatusResult().getTasks().stream()
        .map(t -> t.getAssignedTask().getTaskId()).collect(Collectors.toSet());
  }

  /**
   * A log directory whose only segment is damaged in the middle (not a torn tail: valid records
   * follow the bad one); returns the segment.
   */
  private static Path damagedSegment(Path dir) throws Exception {
    try (FileLogStorage storage = FileLogStorage.open(dir)) {
      for (int p = 1; p <= 20; p++) {
        storage.put(p, new byte[1000]);
      }
      storage.sync();
    }
    Path segment;
    try (var files = Files.list(dir)) {
      segment = files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
    }
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      long middle = file.length() / 2;
      file.seek(middle);
      int b = file.read();
      file.seek(middle);
      file.write(b ^ 0xff);
    }
    return segment;
  }

  /**
   * A leader whose Mesos master never answers retries with backoff, one line per attempt, and
   * exits after {@code -max_registration_delay}, as Aurora does.
   */
  @Test
  @Order(2)
  void mesosNeverReachable_retriesThenExitsAfterMaxRegistrationDelay() throws Exception {
    int zk = FailoverCluster.freePort();
    FaultScheduler s = FaultScheduler.start(home, tmp, "mesos-unreachable", Map.of(),
        "-zk_in_proc", "-zk_endpoints=127.0.0.1:" + zk,
        "-mesos_master_address=127.0.0.1:" + FailoverCluster.freePort(),
        "-max_registration_delay=6secs");
    assertThat(s.awaitExit(START_FAULT_SECONDS)).isEqualTo(1);
    s.assertOneErrorLine("not registered with Mesos within -max_registration_delay=6secs");
    assertThat(s.output().lines().filter(l -> l.contains("re-subscribing to Mesos")).count())
        .as(s.output()).isBetween(1L, 6L);
  }

  /**
   * SIGTERM in every state: waiting for ZooKeeper, following, leading but waiting for Mesos, and
   * leading (active). Each stops within 10 s with status 0.
   */
  @Test
  @Order(3)
  void sigterm_inEveryState_stopsWithin10Seconds_withStatusZero() throws Exception {
    FaultScheduler waitingForZk = FaultScheduler.start(home, tmp, "term-waiting-for-zk", Map.of(),
        "-zk_endpoints=127.0.0.1:" + FailoverCluster.freePort(), "-zk_connection_timeout=5mins",
        "-mesos_master_address=127.0.0.1:" + FailoverCluster.freePort());
    // Same ZooKeeper and serverset as the leader (so it follows), a log group of its own.
    FaultScheduler follower = FaultScheduler.start(home, tmp, "term-following", Map.of(),
        "-zk_endpoints=127.0.0.1:" + leaderZk, "-native_log_zk_group_path=/aurora/follower-log",
        "-mesos_master_address=127.0.0.1:" + FailoverCluster.freePort());
    FaultScheduler waitingForMesos = FaultScheduler.start(home, tmp, "term-waiting-for-mesos",
        Map.of(), "-zk_in_proc", "-zk_endpoints=127.0.0.1:" + FailoverCluster.freePort(),
        "-mesos_master_address=127.0.0.1:" + FailoverCluster.freePort());

    await("waiting for ZooKeeper").atMost(UP)
        .until(() -> waitingForZk.output().contains("ClientCnxn"));
    await("following").atMost(UP).until(() -> follower.status("/leaderhealth") == 503);
    await("waiting for Mesos").atMost(UP)
        .until(() -> waitingForMesos.output().contains("re-subscribing to Mesos"));
    for (FaultScheduler s : List.of(waitingForZk, follower, waitingForMesos, leader)) {
      long start = System.nanoTime();
      s.terminate();
      assertThat(s.awaitExit(STOP_SECONDS)).as("%s: exit status", s.name()).isZero();
      System.out.printf("SIGTERM %s: stopped in %d ms%n", s.name(),
          (System.nanoTime() - start) / 1_000_000);
      s.assertNoStackTrace();
    }
    assertThat(leader.output()).contains("Scheduler stopped");
  }

  /**
   * ZooKeeper lost for good: the leader and a follower exit non-zero once their 4 s session has
   * expired, as Aurora's do.
   */
  @Test
  @Order(4)
  void zooKeeperLost_leaderAndFollowerExitOnceTheSessionExpires() throws Exception {
    // tickTime 500 ms lets ZooKeeper grant the 4 s sessions the schedulers ask for.
    InstanceSpec spec = new InstanceSpec(tmp.resolve("zk").toFile(), -1, -1, -1, true, 1, 500, 100);
    TestingServer zk = new TestingServer(spec, true);
    String endpoints = "-zk_endpoints=" + zk.getConnectString();
    FaultScheduler lead = FaultScheduler.start(home, tmp, "zk-lost-leader", Map.of(), endpoints,
        "-zk_session_timeout=4secs", "-mesos_master_address=local");
    await("the leader to lead").atMost(UP).until(() -> lead.status("/leaderhealth") == 200);
    FaultScheduler follow = FaultScheduler.start(home, tmp, "zk-lost-follower", Map.of(),
        endpoints, "-zk_session_timeout=4secs", "-native_log_zk_group_path=/aurora/follower-log",
        "-mesos_master_address=127.0.0.1:" + FailoverCluster.freePort());
    await("the follower to follow").atMost(UP).until(() -> follow.status("/leaderhealth") == 503);

    long start = System.nanoTime();
    zk.close();
    for (FaultScheduler s : List.of(lead, follow)) {
      assertThat(s.awaitExit(30)).as(s.name()).isEqualTo(1);
      // Whichever sees it first, the session's listener or the election's, names the session.
      assertThat(s.output()).contains("Scheduler exiting: ", "ZooKeeper session lost");
      s.assertNoStackTrace();
    }
    System.out.printf("ZooKeeper lost: both exited %d ms later%n",
        (System.nanoTime() - start) / 1_000_000);
  }
}
