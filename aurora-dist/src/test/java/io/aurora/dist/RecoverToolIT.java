package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.TaskQueries;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.thrift.TException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups and recovery from the unzipped distribution: three {@code bin/aurora-scheduler}
 * processes (quorum 2) on one {@code bin/aurora-local-mesos} whose agent runs each task as a
 * process, and one ZooKeeper. {@code bin/aurora backup now} writes a backup; after another job is
 * created, {@code bin/aurora recovery stage|query|commit} restores it online: the leader exits, the
 * next leader holds the backup's jobs only, and reconciliation kills the newer job's process. Then
 * the log is lost: every scheduler is killed, every replica directory wiped,
 * {@code bin/aurora-recover} writes the backup into each (the same digest on all three), and the
 * restarted schedulers elect a leader that holds the backup's jobs and kills the rest.
 */
class RecoverToolIT {
  private static final Duration SESSION = Duration.ofSeconds(4);
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String CLUSTER = "failover";
  private static final JobKey BEFORE = new JobKey("www", "prod", "before");
  private static final JobKey AFTER = new JobKey("www", "prod", "after");
  private static final JobKey LATER = new JobKey("www", "prod", "later");
  private static final Pattern BACKUP_NAME = Pattern.compile("scheduler-backup-[0-9-]+");
  private static final Pattern DIGEST = Pattern.compile("Log digest: ([0-9a-f]+)");
  // Each job's command, distinct so that the agent's processes tell the jobs apart.
  private static final Map<JobKey, String> COMMANDS = Map.of(BEFORE, "exec sleep 3621",
      AFTER, "exec sleep 3622", LATER, "exec sleep 3623");
  // Reconciliation soon after a leader is elected: it is what kills the tasks a restored state
  // does not know (60 s and 30 min by default).
  private static final List<String> FLAGS = List.of("-reconciliation_initial_delay=1secs",
      "-reconciliation_schedule_spread=1secs");

  @TempDir Path tmp;

  @Test
  void backupRestored_onlineThroughTheLeader_andOfflineIntoWipedReplicas() throws Exception {
    long begin = System.nanoTime();
    Path home = DistZip.unpack(tmp);
    InstanceSpec spec = new InstanceSpec(tmp.resolve("zk").toFile(), -1, -1, -1, true, 1, 500, 100);
    try (TestingServer zk = new TestingServer(spec, true)) {
      ClusterOptions options = new ClusterOptions(home, tmp.resolve("cluster"),
          zk.getConnectString(), 3, 2, SESSION, 0, "cpus:1;mem:1024;disk:1024",
          "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1", FLAGS,
          "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
          1, "cpus:4;mem:4096;disk:10000;ports:[31000-32000]");
      try (FailoverCluster cluster = FailoverCluster.start(options)) {
        DistClient cli = new DistClient(home, zk.getConnectString(), tmp.resolve("client"));
        try {
          String backup = onlineRecovery(cluster, cli);
          System.out.printf("RecoverToolIT: online recovery done at %d ms%n",
              (System.nanoTime() - begin) / 1_000_000);
          offlineRecovery(cluster, home, backup);
        } catch (Throwable t) {
          throw new AssertionError(t + "\nprocess output:\n" + cluster.tails(40), t);
        }
      }
    }
    System.out.printf("RecoverToolIT took %d ms%n", (System.nanoTime() - begin) / 1_000_000);
  }

  /** Backs up, creates a job, restores the backup online; returns the backup's name. */
  private String onlineRecovery(FailoverCluster cluster, DistClient cli) throws Exception {
    SchedulerNode leader = cluster.awaitLeader(WAIT);
    create(cli, BEFORE, 2);
    AuroraAdmin.Client api = ClusterApi.client(leader.http(), Duration.ofSeconds(30));
    awaitRunning(api, BEFORE, 2);

    DistClient.Run backedUp = ok(cli.run("backup", "now", CLUSTER));
    Matcher name = BACKUP_NAME.matcher(backedUp.output());
    assertThat(name.find()).as("a backup name in %s", backedUp.output()).isTrue();
    String backup = name.group();
    assertThat(ok(cli.run("backup", "list", CLUSTER)).output()).contains(backup);
    assertThat(leader.var("scheduler_backup_success")).contains("1");

    create(cli, AFTER, 1);

    ok(cli.run("recovery", "stage", CLUSTER, backup));
    String staged = ok(cli.run("recovery", "query", CLUSTER, "www")).output();
    assertThat(staged).contains("www/prod/before").doesNotContain("www/prod/after");
    DistClient.Run committed = ok(cli.run("recovery", "commit", CLUSTER));
    assertThat(committed.output()).contains("killed by reconciliation");

    // The leader gives up (its process ends); another scheduler leads with the backup's state.
    await("the old leader to exit").atMost(WAIT).until(() -> !leader.alive());
    assertThat(leader.process().orElseThrow().exitStatus(10)).isEqualTo(OptionalInt.of(1));
    SchedulerNode next = cluster.awaitLeader(WAIT);
    assertThat(next).isNotSameAs(leader);
    AuroraAdmin.Client nextApi = ClusterApi.client(next.http(), Duration.ofSeconds(30));
    assertThat(tasks(nextApi, BEFORE)).hasSize(2);
    assertThat(tasks(nextApi, AFTER)).isEmpty();
    awaitProcesses(cluster, AFTER, 0);
    awaitProcesses(cluster, BEFORE, 2);

    // Work after the recovery, which the offline restore below must not bring back.
    assertThat(nextApi.createJob(RecoverToolIT.job(LATER)).getResponseCode())
        .isEqualTo(ResponseCode.OK);
    awaitProcesses(cluster, LATER, 1);
    leader.start();
    return backup;
  }

  /** Loses the log on every replica and rebuilds it from the backup with bin/aurora-recover. */
  private void offlineRecovery(FailoverCluster cluster, Path home, String backup)
      throws Exception {
    Path saved = Files.copy(findBackup(cluster, backup), tmp.resolve(backup));
    for (SchedulerNode node : cluster.nodes()) {
      node.kill();
    }
    for (SchedulerNode node : cluster.nodes()) {
      await(node.name() + " to end").atMost(WAIT).until(() -> !node.alive());
    }
    List<String> digests = new ArrayList<>();
    for (SchedulerNode node : cluster.nodes()) {
      Path log = nodeDir(cluster, node).resolve("log");
      wipe(log);
      ChildProcess tool = ChildProcess.start("aurora-recover", List.of(
          home.resolve("bin/aurora-recover").toString(), "-backup=" + saved,
          "-native_log_file_path=" + log),
          Map.of("JAVA_HOME", System.getProperty("java.home")),
          tmp.resolve("recover-" + node.name() + ".out"));
      assertThat(tool.exitStatus(60)).as("aurora-recover: %s", tool.output())
          .isEqualTo(OptionalInt.of(0));
      assertThat(tool.output()).contains("2 tasks");
      Matcher digest = DIGEST.matcher(tool.output());
      assertThat(digest.find()).as(tool.output()).isTrue();
      digests.add(digest.group(1));
    }
    assertThat(Set.copyOf(digests)).as("the same log on every replica").hasSize(1);

    for (SchedulerNode node : cluster.nodes()) {
      node.start();
    }
    SchedulerNode leader = cluster.awaitLeader(WAIT);
    AuroraAdmin.Client api = ClusterApi.client(leader.http(), Duration.ofSeconds(30));
    assertThat(tasks(api, BEFORE)).hasSize(2);
    assertThat(tasks(api, AFTER)).isEmpty();
    assertThat(tasks(api, LATER)).isEmpty();
    awaitProcesses(cluster, LATER, 0);
    awaitProcesses(cluster, BEFORE, 2);
    // The restored log takes writes.
    assertThat(api.createJob(job(LATER)).getResponseCode()).isEqualTo(ResponseCode.OK);
  }

  private static Path nodeDir(FailoverCluster cluster, SchedulerNode node) {
    return cluster.options().dir().resolve(node.name());
  }

  private static Path findBackup(FailoverCluster cluster, String backup) {
    return cluster.nodes().stream().map(n -> nodeDir(cluster, n).resolve("backups").resolve(backup))
        .filter(Files::isRegularFile).findFirst()
        .orElseThrow(() -> new AssertionError("no scheduler holds " + backup));
  }

  private static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  private static DistClient.Run ok(DistClient.Run run) {
    assertThat(run.exit()).as("bin/aurora: %s", run.output()).isZero();
    return run;
  }

  private void create(DistClient cli, JobKey job, int instances) throws Exception {
    Path file = Files.createDirectories(tmp.resolve("jobs")).resolve(job.getName() + ".json");
    Files.writeString(file, """
        {
          "instanceCount": %d,
          "taskConfig": {
            "isService": true,
            "priority": 0,
            "maxTaskFailures": 1,
            "resources": [{"numCpus": 0.01}, {"ramMb": 1}, {"diskMb": 1}],
            "executorConfig": {
              "name": "AuroraExecutor",
              "data": {"task": {"name": "sleep",
                  "processes": [{"name": "sleep", "cmdline": "%s"}]}}
            }
          }
        }
        """.formatted(instances, COMMANDS.get(job)));
    ok(cli.run("job", "create", CLUSTER + "/" + job.getRole() + "/" + job.getEnvironment() + "/"
        + job.getName(), file.toString()));
  }

  private static io.aurora.gen.JobConfiguration job(JobKey key) {
    io.aurora.gen.TaskConfig task = new io.aurora.gen.TaskConfig().setIsService(true)
        .setPriority(0).setMaxTaskFailures(1)
        .setResources(new java.util.HashSet<>(List.of(io.aurora.gen.Resource.numCpus(0.01),
            io.aurora.gen.Resource.ramMb(1), io.aurora.gen.Resource.diskMb(1))))
        .setConstraints(new java.util.HashSet<>())
        .setExecutorConfig(new io.aurora.gen.ExecutorConfig("AuroraExecutor",
            "{\"task\":{\"name\":\"sleep\",\"processes\":[{\"name\":\"sleep\","
                + "\"cmdline\":\"" + COMMANDS.get(key) + "\"}]}}"));
    return new io.aurora.gen.JobConfiguration().setKey(key)
        .setOwner(new io.aurora.gen.Identity().setUser("www")).setTaskConfig(task)
        .setInstanceCount(1);
  }

  /** Waits until the agent runs {@code count} tasks of {@code job} (one sleep per task). */
  private static void awaitProcesses(FailoverCluster cluster, JobKey job, int count) {
    String seconds = COMMANDS.get(job).substring("exec sleep ".length());
    long mesos = cluster.mesos().pid();
    // The sleep processes themselves, not a shell that may wrap them.
    await(count + " processes of " + job.getName()).atMost(WAIT).until(() -> ProcessHandle.of(mesos)
        .stream().flatMap(ProcessHandle::descendants)
        .filter(p -> p.info().command().orElse("").endsWith("sleep")
            && List.of(p.info().arguments().orElse(new String[0])).equals(List.of(seconds)))
        .count() == count);
  }

  private static void awaitRunning(AuroraAdmin.Client api, JobKey job, int count) {
    await(job.getName() + " RUNNING").atMost(WAIT).until(() -> tasks(api, job).stream()
        .filter(t -> t.getStatus() == ScheduleStatus.RUNNING).count() == count);
  }

  private static List<ScheduledTask> tasks(AuroraAdmin.Client api, JobKey job) throws TException {
    Response r = api.getTasksStatus(TaskQueries.byJob(job).build());
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    return r.getResult().getScheduleStatusResult().getTasks();
  }
}
