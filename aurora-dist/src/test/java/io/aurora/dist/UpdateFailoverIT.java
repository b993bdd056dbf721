package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.Tasks;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import io.aurora.gen.TaskQuery;
import io.aurora.server.bench.failover.ClusterApi;
import io.aurora.server.bench.failover.ClusterOptions;
import io.aurora.server.bench.failover.FailoverCluster;
import io.aurora.server.bench.failover.SchedulerNode;
import io.aurora.server.client.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.thrift.TException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling update across a leader failover, with real task processes: three {@code
 * bin/aurora-scheduler} processes (quorum 2) from the unzipped zip, one {@code
 * bin/aurora-local-mesos} whose local agents run each task as a process ({@code sleep}), one
 * ZooKeeper. {@code bin/aurora update start} replaces a job's command two instances at a time
 * (the client asks for a queue: the next instance starts as soon as one is done); once one
 * instance is updated and another not yet started, the leader is SIGKILLed. The
 * new leader must finish the update: {@code bin/aurora update wait} exits 0, every instance runs
 * the new command, each old task was killed once, no new task was killed, each instance was
 * updated once, and no old process is left on the agents.
 */
class UpdateFailoverIT {
  private static final Duration SESSION = Duration.ofSeconds(4);
  private static final Duration TAKEOVER = Duration.ofSeconds(90);
  private static final String CLUSTER = "failover";
  private static final JobKey JOB = new JobKey("www", "prod", "rolling");
  private static final String JOB_PATH = CLUSTER + "/www/prod/rolling";
  private static final int INSTANCES = 6;
  private static final int BATCH = 2;
  // Long enough that the instances after the first two are surely still in flight when the
  // leader is killed (a watch starts only once the new task runs), short enough to keep the
  // test well under a minute.
  private static final int WATCH_SECS = 5;
  // The commands of the two versions: distinct so that the agents' processes tell them apart.
  private static final String OLD_COMMAND = "exec sleep 3601";
  private static final String NEW_COMMAND = "exec sleep 3602";
  // The new leader delays the task groups pending when it takes over by a random time up to this
  // (30 s by default, as in Aurora). The kill lands just after the update added new tasks, so
  // the new config's group is usually pending then, and later instances join it: at the default
  // they waited up to 30 s more for their first placement attempt.
  private static final String STARTUP_DELAY = "-max_reschedule_task_delay_on_startup=1secs";

  @TempDir Path tmp;
  /** Task and update events are printed in ms from this: the test's start, then the kill. */
  private volatile long originMs = System.currentTimeMillis();

  @Test
  void leaderKilledMidUpdate_newLeaderFinishesIt_eachOldTaskKilledOnce() throws Exception {
    long begin = System.nanoTime();
    Path home = DistZip.unpack(tmp);
    InstanceSpec spec = new InstanceSpec(tmp.resolve("zk").toFile(), -1, -1, -1, true, 1, 500, 100);
    try (TestingServer zk = new TestingServer(spec, true)) {
      // Two local agents, no simulated ones: every task is a real process.
      ClusterOptions options = new ClusterOptions(home, tmp.resolve("cluster"),
          zk.getConnectString(), 3, 2, SESSION, 0, "cpus:1;mem:1024;disk:1024",
          "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1", List.of(STARTUP_DELAY),
          "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
          2, "cpus:4;mem:4096;disk:10000;ports:[31000-32000]");
      try (FailoverCluster cluster = FailoverCluster.start(options)) {
        DistClient cli = new DistClient(home, zk.getConnectString(), tmp.resolve("client"));
        try {
          updateAcrossFailover(cluster, cli);
        } catch (Throwable t) {
          throw new AssertionError(t + "\n" + timeline(cluster) + "\nprocess output:\n"
              + cluster.tails(40), t);
        }
      }
    }
    System.out.printf("UpdateFailoverIT took %d ms%n", (System.nanoTime() - begin) / 1_000_000);
  }

  private void updateAcrossFailover(FailoverCluster cluster, DistClient cli) throws Exception {
    SchedulerNode leader = cluster.awaitLeader(TAKEOVER);
    Path v1 = jobFile("v1.json", OLD_COMMAND);
    Path v2 = jobFile("v2.json", NEW_COMMAND);
    DistClient.Run created = cli.run("job", "create", JOB_PATH, v1.toString());
    assertThat(created.exit()).as("job create: %s", created.output()).isZero();

    AuroraAdmin.Client api = ClusterApi.client(leader.http(), Duration.ofSeconds(30));
    Set<String> oldTasks = await("every instance RUNNING").atMost(TAKEOVER)
        .until(() -> taskIds(api, Set.of(ScheduleStatus.RUNNING)), ids -> ids.size() == INSTANCES);

    DistClient.Run started = cli.run("update", "start", JOB_PATH, v2.toString(),
        "--batch-size=" + BATCH, "--watch-secs=" + WATCH_SECS);
    assertThat(started.exit()).as("update start: %s", started.output()).isZero();
    assertThat(started.output()).contains("update started: " + JOB_PATH + "/");

    // Mid-way: some instance updated, some not yet touched.
    JobUpdateDetails midway = await("an instance updated and another not yet started")
        .atMost(TAKEOVER).pollInterval(Duration.ofMillis(100))
        .until(() -> details(api), d -> {
          Map<Integer, Set<JobUpdateAction>> actions = actionsByInstance(d);
          return actions.values().stream().anyMatch(a -> a.contains(JobUpdateAction.INSTANCE_UPDATED))
              && actions.size() < INSTANCES;
        });
    long killedAt = System.nanoTime();
    originMs = System.currentTimeMillis();
    leader.kill();
    System.out.printf("killed %s with instance actions %s, update %s%n", leader.name(),
        actionsByInstance(midway), midway.getUpdate().getSummary().getState().getStatus());

    SchedulerNode newLeader = cluster.awaitLeader(TAKEOVER);
    assertThat(newLeader).as("a different scheduler leads").isNotSameAs(leader);
    System.out.printf("%s leads %d ms after the kill%n", newLeader.name(),
        (System.nanoTime() - killedAt) / 1_000_000);

    // The client finds the leader in the serverset, where the killed leader's node lives on
    // until its session expires: until then it cannot reach the scheduler (exit 7).
    DistClient.Run waited = await("bin/aurora update wait to reach the new leader")
        .atMost(TAKEOVER).pollInterval(Duration.ofMillis(500))
        .until(() -> cli.run("update", "wait", JOB_PATH, "--interval-secs=1"),
            r -> r.exit() != ExitCodes.NETWORK_ERROR);
    assertThat(waited.exit()).as("update wait: %s", waited.output()).isZero();
    assertThat(waited.output()).contains("ROLLED_FORWARD");
    System.out.printf("update rolled forward %d ms after the kill%n",
        (System.nanoTime() - killedAt) / 1_000_000);

    AuroraAdmin.Client newApi = ClusterApi.client(newLeader.http(), Duration.ofSeconds(30));
    System.out.println(timeline(newApi));
    checkUpdateHistory(details(newApi));
    checkTasks(newApi, oldTasks);
    checkProcesses(cluster);
  }

  /** The timeline as the leader of the moment has it, if one leads (for a failure message). */
  private String timeline(FailoverCluster cluster) {
    for (SchedulerNode node : cluster.nodes()) {
      if (node.leading()) {
        try {
          return timeline(ClusterApi.client(node.http(), Duration.ofSeconds(10)));
        } catch (TException | RuntimeException | AssertionError e) {
          return "(no timeline from " + node.name() + ": " + e + ")";
        }
      }
    }
    return "(no timeline: no scheduler leads)";
  }

  /** Each task's and the update's events, in ms from {@link #originMs}. */
  private String timeline(AuroraAdmin.Client api) throws TException {
    long origin = originMs;
    StringBuilder text = new StringBuilder("timeline (ms from the kill, or from the start "
        + "if the leader was not killed yet):\n");
    for (ScheduledTask t : tasks(api, Set.of())) {
      text.append(String.format("  instance %d %s %s:", t.getAssignedTask().getInstanceId(),
          command(t).equals(OLD_COMMAND) ? "old" : "new", id(t).substring(id(t).length() - 8)));
      t.getTaskEvents().forEach(e -> text.append(' ').append(e.getStatus()).append('@')
          .append(e.getTimestamp() - origin));
      text.append('\n');
    }
    Response r = api.getJobUpdateDetails(null, new JobUpdateQuery().setJobKey(JOB));
    if (r.getResponseCode() != ResponseCode.OK
        || r.getResult().getGetJobUpdateDetailsResult().getDetailsList().isEmpty()) {
      return text.append("  (no update)").toString();
    }
    JobUpdateDetails d = r.getResult().getGetJobUpdateDetailsResult().getDetailsList().get(0);
    text.append("  update:");
    d.getUpdateEvents().forEach(e -> text.append(' ').append(e.getStatus()).append('@')
        .append(e.getTimestampMs() - origin));
    d.getInstanceEvents().forEach(e -> text.append(' ').append(e.getInstanceId()).append('=')
        .append(e.getAction()).append('@').append(e.getTimestampMs() - origin));
    return text.toString();
  }

  /** One update, rolled forward; every instance updating once and updated once, nothing else. */
  private static void checkUpdateHistory(JobUpdateDetails d) {
    assertThat(d.getUpdate().getSummary().getState().getStatus())
        .isEqualTo(JobUpdateStatus.ROLLED_FORWARD);
    assertThat(d.getUpdateEvents()).extracting(JobUpdateEvent::getStatus)
        .containsExactly(JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLLED_FORWARD);
    Map<Integer, List<JobUpdateAction>> events = d.getInstanceEvents().stream().collect(
        Collectors.groupingBy(JobInstanceUpdateEvent::getInstanceId, Collectors.mapping(
            JobInstanceUpdateEvent::getAction, Collectors.toList())));
    assertThat(events).as("instance events").hasSize(INSTANCES);
    events.forEach((instance, actions) -> assertThat(actions).as("events of instance %d", instance)
        .containsExactlyInAnyOrder(JobUpdateAction.INSTANCE_UPDATING,
            JobUpdateAction.INSTANCE_UPDATED));
  }

  /**
   * Every instance runs one task of the new config; the old tasks are the ones that ran before
   * the update, each killed once (one KILLING event, ended KILLED); no new task was killed or
   * started twice.
   */
  private static void checkTasks(AuroraAdmin.Client api, Set<String> oldTasks) throws TException {
    List<ScheduledTask> all = tasks(api, Set.of());
    List<ScheduledTask> active = all.stream().filter(t -> Tasks.isActive(t.getStatus())).toList();
    assertThat(active).as("active tasks").hasSize(INSTANCES)
        .allSatisfy(t -> assertThat(t.getStatus()).isEqualTo(ScheduleStatus.RUNNING))
        .allSatisfy(t -> assertThat(command(t)).isEqualTo(NEW_COMMAND));
    assertThat(active).extracting(t -> t.getAssignedTask().getInstanceId())
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, INSTANCES).boxed().toList());

    List<ScheduledTask> old = all.stream().filter(t -> command(t).equals(OLD_COMMAND)).toList();
    assertThat(old).extracting(t -> t.getAssignedTask().getTaskId())
        .as("old-config tasks").containsExactlyInAnyOrderElementsOf(oldTasks);
    for (ScheduledTask t : old) {
      assertThat(killings(t)).as("KILLING events of old task %s", id(t)).isEqualTo(1);
      assertThat(t.getStatus()).as("status of old task %s", id(t)).isEqualTo(ScheduleStatus.KILLED);
    }
    List<ScheduledTask> fresh = all.stream().filter(t -> command(t).equals(NEW_COMMAND)).toList();
    assertThat(fresh).as("new-config tasks (none replaced)").hasSize(INSTANCES);
    for (ScheduledTask t : fresh) {
      assertThat(killings(t)).as("KILLING events of new task %s", id(t)).isZero();
    }
  }

  /** The agents run the new command for every instance, and no old command is left. */
  private static void checkProcesses(FailoverCluster cluster) {
    long mesos = cluster.mesos().pid();
    await("the old task processes to be gone").atMost(Duration.ofSeconds(10))
        .until(() -> commandLines(mesos).stream().noneMatch(c -> c.contains("sleep 3601")));
    // The wrapper shell and the sleep of each task both show the command line.
    assertThat(commandLines(mesos).stream().filter(c -> c.contains("sleep 3602")).count())
        .as("processes running the new command").isGreaterThanOrEqualTo(INSTANCES);
  }

  private static List<String> commandLines(long pid) {
    return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
        .flatMap(p -> p.info().commandLine().stream()).toList();
  }

  private Path jobFile(String name, String command) throws Exception {
    Path file = Files.createDirectories(tmp.resolve("jobs")).resolve(name);
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
              "data": {"task": {"name": "rolling",
                  "processes": [{"name": "sleep", "cmdline": "%s"}]}}
            }
          }
        }
        """.formatted(INSTANCES, command));
    return file;
  }

  private static JobUpdateDetails details(AuroraAdmin.Client api) throws TException {
    Response r = api.getJobUpdateDetails(null, new JobUpdateQuery().setJobKey(JOB));
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    List<JobUpdateDetails> list = r.getResult().getGetJobUpdateDetailsResult().getDetailsList();
    assertThat(list).as("updates of %s", JOB_PATH).hasSize(1);
    return list.get(0);
  }

  private static Map<Integer, Set<JobUpdateAction>> actionsByInstance(JobUpdateDetails d) {
    return d.getInstanceEvents().stream().collect(Collectors.groupingBy(
        JobInstanceUpdateEvent::getInstanceId,
        Collectors.mapping(JobInstanceUpdateEvent::getAction, Collectors.toSet())));
  }

  private static Set<String> taskIds(AuroraAdmin.Client api, Set<ScheduleStatus> statuses)
      throws TException {
    return tasks(api, statuses).stream().map(UpdateFailoverIT::id).collect(Collectors.toSet());
  }

  private static List<ScheduledTask> tasks(AuroraAdmin.Client api, Set<ScheduleStatus> statuses)
      throws TException {
    TaskQuery query = new TaskQuery().setJobKeys(Set.of(JOB));
    if (!statuses.isEmpty()) {
      query.setStatuses(statuses);
    }
    Response r = api.getTasksStatus(query);
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    return r.getResult().getScheduleStatusResult().getTasks();
  }

  private static String id(ScheduledTask t) {
    return t.getAssignedTask().getTaskId();
  }

  private static long killings(ScheduledTask t) {
    return t.getTaskEvents().stream().map(TaskEvent::getStatus)
        .filter(ScheduleStatus.KILLING::equals).count();
  }

  /** The task's one process command line, from its Thermos config. */
  private static String command(ScheduledTask t) {
    String data = t.getAssignedTask().getTask().getExecutorConfig().getData();
    if (data.contains(OLD_COMMAND)) {
      return OLD_COMMAND;
    }
    return data.contains(NEW_COMMAND) ? NEW_COMMAND : data;
  }
}
