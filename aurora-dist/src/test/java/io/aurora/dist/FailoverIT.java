package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import io.aurora.server.bench.failover.ChildProcess;
import io.aurora.server.bench.failover.ClusterApi;
import io.aurora.server.bench.failover.ClusterOptions;
import io.aurora.server.bench.failover.FailoverCluster;
import io.aurora.server.bench.failover.SchedulerNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code bin/aurora-scheduler} processes (quorum 2) from the unzipped zip, one {@code
 * bin/aurora-local-mesos} with simulated agents, one ZooKeeper: rounds of create jobs, SIGKILL the
 * leader, check the takeover; then a scheduler misconfigured with quorum 1 refuses to write.
 * {@code -Daurora.failover.rounds=50} runs the soak (default 3; 50 rounds took 11 minutes here):
 * the simulated agents are sized from the round count to hold every round's jobs.
 */
class FailoverIT {
  private static final Duration SESSION = Duration.ofSeconds(4);
  private static final Duration TAKEOVER = Duration.ofSeconds(90);
  private static final String ROLE = "www";
  private static final int JOBS_PER_ROUND = 2;
  private static final int TASKS_PER_JOB = 2;
  private static final int AGENTS = 2;
  // What one task takes on an agent: ClusterApi.job's 0.01 CPU and 1 MB plus the default
  // executor overhead (-thermos_executor_cpu 0.25, -thermos_executor_ram 128 MB).
  private static final double TASK_CPUS = 0.26;
  private static final int TASK_RAM_MB = 129;

  @TempDir Path tmp;

  @Test
  void killedLeader_isReplaced_withoutLosingAcknowledgedWork_andRejoinsAsFollower() throws Exception {
    int rounds = Integer.getInteger("aurora.failover.rounds", 3);
    Path home = DistZip.unpack(tmp);
    // tickTime 500 ms lets ZooKeeper grant the 4 s sessions the schedulers ask for.
    InstanceSpec spec = new InstanceSpec(tmp.resolve("zk").toFile(), -1, -1, -1, true, 1, 500, 100);
    try (TestingServer zk = new TestingServer(spec, true)) {
      ClusterOptions options = new ClusterOptions(home, tmp.resolve("cluster"),
          zk.getConnectString(), 3, 2, SESSION, AGENTS, agentResources(rounds),
          "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1", List.of(), "-Xmx512m");
      try (FailoverCluster cluster = FailoverCluster.start(options)) {
        try {
          runRounds(cluster, home, zk.getConnectString(), rounds);
          misconfiguredQuorum_refusesToWrite(cluster);
        } catch (Throwable t) {
          throw new AssertionError(t + "\nprocess output:\n" + cluster.tails(40), t);
        }
      }
    }
  }

  private void runRounds(FailoverCluster cluster, Path home, String zk, int rounds)
      throws Exception {
    SchedulerNode leader = cluster.awaitLeader(TAKEOVER);
    // The launcher execs java: the process we SIGKILL is the scheduler's JVM, not a shell.
    for (SchedulerNode node : cluster.nodes()) {
      long pid = node.process().orElseThrow().pid();
      assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().command()))
          .as("command of %s", node.name()).hasValueSatisfying(c -> assertThat(c).endsWith("/java"));
    }
    // Task ids per job, each acknowledged by a leader and seen RUNNING before a kill.
    Map<JobKey, Set<String>> acknowledged = new HashMap<>();
    for (int round = 0; round < rounds; round++) {
      AuroraAdmin.Client api = ClusterApi.client(leader.http(), Duration.ofSeconds(30));
      for (int j = 0; j < JOBS_PER_ROUND; j++) {
        JobKey key = new JobKey(ROLE, "prod", "round" + round + "-job" + j);
        Response created = api.createJob(ClusterApi.job(key, TASKS_PER_JOB));
        assertThat(created.getResponseCode()).as("createJob %s: %s", key, created.getDetails())
            .isEqualTo(ResponseCode.OK);
        acknowledged.put(key, awaitRunning(api, key, TASKS_PER_JOB));
      }

      long killedAt = System.nanoTime();
      leader.kill();
      SchedulerNode killed = leader;
      leader = cluster.awaitLeader(TAKEOVER);
      System.out.printf("round %d: killed %s, %s leads after %d ms (%d jobs)%n", round,
          killed.name(), leader.name(), (System.nanoTime() - killedAt) / 1_000_000,
          acknowledged.size());
      assertThat(leader).as("round %d: a different scheduler leads", round).isNotSameAs(killed);

      AuroraAdmin.Client newApi = ClusterApi.client(leader.http(), Duration.ofSeconds(30));
      Set<JobKey> jobs = newApi.getJobs(ROLE).getResult().getGetJobsResult().getConfigs().stream()
          .map(c -> c.getKey()).collect(Collectors.toSet());
      assertThat(jobs).as("round %d: jobs on the new leader", round)
          .containsAll(acknowledged.keySet());
      for (Map.Entry<JobKey, Set<String>> job : acknowledged.entrySet()) {
        assertThat(taskIds(newApi, job.getKey(), Optional.empty()))
            .as("round %d: tasks of %s on the new leader", round, job.getKey().getName())
            .containsExactlyInAnyOrderElementsOf(job.getValue());
        await(job.getKey().getName() + " RUNNING on the new leader").atMost(TAKEOVER).until(
            () -> taskIds(newApi, job.getKey(), Optional.of(ScheduleStatus.RUNNING))
                .equals(job.getValue()));
      }

      // A client that follows the serverset finds the new leader (once the killed leader's
      // member node has expired with its session).
      JobKey probe = acknowledged.keySet().iterator().next();
      String status = await("bin/aurora to find the leader in the serverset").atMost(TAKEOVER)
          .until(() -> auroraClient(home, zk, "job", "status", "failover/" + ROLE + "/prod/"
              + probe.getName()), Optional::isPresent).orElseThrow();
      assertThat(status).contains("RUNNING");

      // The killed scheduler, restarted on the same data directory, rejoins as a follower.
      killed.start();
      await(killed.name() + " to serve /health").atMost(TAKEOVER).until(
          () -> killed.get("/health").filter("OK\n"::equals).isPresent());
      await(killed.name() + " to follow").atMost(TAKEOVER).until(
          () -> killed.status("/leaderhealth") == 503);
      assertThat(leader.leading()).as("the new leader still leads").isTrue();
    }
  }

  /**
   * With the cluster's leader and one follower running, a scheduler configured with quorum 1 (a
   * majority of nothing) joins; when the election reaches it, it refuses to become the log writer
   * and exits non-zero, naming quorum 2.
   */
  private void misconfiguredQuorum_refusesToWrite(FailoverCluster cluster) throws Exception {
    SchedulerNode leader = cluster.awaitLeader(TAKEOVER);
    List<SchedulerNode> followers = cluster.nodes().stream().filter(n -> n != leader).toList();
    followers.forEach(SchedulerNode::kill);
    SchedulerNode misconfigured = cluster.newNode("misconfigured", 1);
    ChildProcess process = misconfigured.start();
    await("the misconfigured scheduler to serve /health").atMost(TAKEOVER).until(
        () -> misconfigured.get("/health").isPresent());
    // A follower started after it queues behind it in the election.
    SchedulerNode follower = followers.get(0);
    follower.start();
    await(follower.name() + " to follow")
        .atMost(TAKEOVER).until(() -> follower.status("/leaderhealth") == 503);

    leader.kill();
    OptionalInt exit = process.exitStatus(TAKEOVER.toSeconds());
    assertThat(exit).as("the misconfigured scheduler exits once elected").isPresent();
    assertThat(exit.getAsInt()).isNotZero();
    assertThat(process.output()).contains("-native_log_quorum_size=2");
    process.output().lines().filter(l -> l.contains("-native_log_quorum_size=2")).findFirst()
        .ifPresent(l -> System.out.println("quorum 1 refused (exit " + exit.getAsInt() + "): " + l));
  }

  /**
   * Every job of every round stays RUNNING to the end, so the agents must hold all of them: with
   * fixed 8-CPU agents a new job found no room from round 15 on and waited forever.
   */
  static String agentResources(int rounds) {
    int tasksPerAgent = (rounds * JOBS_PER_ROUND * TASKS_PER_JOB + AGENTS - 1) / AGENTS;
    // One task of headroom per agent, and never less than the agents the short run always had.
    int cpus = Math.max(8, (int) Math.ceil((tasksPerAgent + 1) * TASK_CPUS));
    int ramMb = Math.max(16384, (tasksPerAgent + 1) * TASK_RAM_MB);
    return "cpus:" + cpus + ";mem:" + ramMb + ";disk:100000;ports:[31000-32000]";
  }

  private Set<String> awaitRunning(AuroraAdmin.Client api, JobKey key, int count)
      throws Exception {
    return await(key.getName() + " RUNNING").atMost(TAKEOVER)
        .until(() -> taskIds(api, key, Optional.of(ScheduleStatus.RUNNING)),
            running -> running.size() == count);
  }

  private static Set<String> taskIds(AuroraAdmin.Client api, JobKey key,
      Optional<ScheduleStatus> status) {
    TaskQuery query = new TaskQuery().setJobKeys(Set.of(key));
    status.ifPresent(s -> query.setStatuses(Set.of(s)));
    try {
      Response r = api.getTasksStatus(query);
      assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
      return r.getResult().getScheduleStatusResult().getTasks().stream()
          .map(ScheduledTask::getAssignedTask).map(t -> t.getTaskId()).collect(Collectors.toSet());
    } catch (org.apache.thrift.TException e) {
      throw new IllegalStateException(e);
    }
  }

  /** bin/aurora against the serverset: its output if it exits 0. */
  private static Optional<String> auroraClient(Path home, String zk, String... command) {
    List<String> args = new ArrayList<>(List.of(home.resolve("bin/aurora").toString(),
        "--zk=" + zk, "--serverset=" + FailoverCluster.SERVERSET));
    args.addAll(List.of(command));
    try {
      Path out = Files.createTempFile("aurora-client", ".out");
      ChildProcess client = ChildProcess.start("aurora", args,
          Map.of("JAVA_HOME", System.getProperty("java.home")), out);
      OptionalInt exit = client.exitStatus(60);
      String output = client.output();
      Files.deleteIfExists(out);
      if (exit.isEmpty()) {
        client.kill();
        return Optional.empty();
      }
      return exit.getAsInt() == 0 ? Optional.of(output) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
