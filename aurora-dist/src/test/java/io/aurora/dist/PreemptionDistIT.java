package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.gen.TaskQuery;
import io.aurora.server.bench.failover.ClusterApi;
import io.aurora.server.bench.failover.ClusterOptions;
import io.aurora.server.bench.failover.FailoverCluster;
import io.aurora.server.bench.failover.SchedulerNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preemption from the unzipped distribution: one scheduler, one local agent of 2 CPUs and 1 GB
 * whose tasks are real processes. A preemptible job fills the agent; then a production job (its
 * role has quota) that fits only once two of those tasks go is created. It must run within
 * {@code -preemption_delay} + {@code -preemption_slot_search_interval} + a few seconds, its
 * victims preempted "in favor of" it, the fewest that make room.
 */
class PreemptionDistIT {
  private static final Duration DELAY = Duration.ofSeconds(2);
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  /** The few seconds: a round, the kills, the freed offer, the launch, on a busy 2-core box. */
  private static final Duration SLACK = Duration.ofSeconds(20);
  private static final JobKey BATCH = new JobKey("batch", "prod", "filler");
  private static final JobKey WEB = new JobKey("web", "prod", "api");
  private static final String JAVA_OPTS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  @TempDir Path tmp;

  @Test
  void productionJob_preemptsPreemptibleTasks_andRunsWithinTheDelayAndASearch() throws Exception {
    Path home = DistZip.unpack(tmp);
    InstanceSpec spec = new InstanceSpec(tmp.resolve("zk").toFile(), -1, -1, -1, true, 1, 500, 100);
    try (TestingServer zk = new TestingServer(spec, true)) {
      ClusterOptions options = new ClusterOptions(home, tmp.resolve("cluster"),
          zk.getConnectString(), 1, 1, Duration.ofSeconds(15), 0, "cpus:1;mem:1024;disk:1024",
          JAVA_OPTS, List.of("-max_reschedule_task_delay_on_startup=1secs",
              "-preemption_delay=" + DELAY.toMillis() + "ms",
              "-preemption_slot_search_interval=" + INTERVAL.toMillis() + "ms",
              "-preemption_slot_search_initial_delay=1secs",
              "-max_schedule_penalty=1secs"),
          JAVA_OPTS, 1, "cpus:2;mem:1024;disk:4096;ports:[31000-31100]");
      try (FailoverCluster cluster = FailoverCluster.start(options)) {
        try {
          preempt(cluster.awaitLeader(Duration.ofSeconds(90)));
        } catch (Throwable t) {
          throw new AssertionError(t + "\nprocess output:\n" + cluster.tails(60), t);
        }
      }
    }
  }

  private void preempt(SchedulerNode leader) throws Exception {
    AuroraAdmin.Client api = ClusterApi.client(leader.http(), Duration.ofSeconds(30));
    // Four preemptible tasks of 0.5 CPU and 256 MB with the executor's share: the whole agent.
    ok(api.createJob(job(BATCH, 4, "preemptible", 0.25, 128)));
    await("the preemptible job to fill the agent").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> tasks(api, BATCH, ScheduleStatus.RUNNING).size() == 4);

    ok(api.setQuota("web", new ResourceAggregate(new HashSet<>(List.of(
        Resource.numCpus(4), Resource.ramMb(4096), Resource.diskMb(4096))))));
    long created = System.nanoTime();
    // 1 CPU and 512 MB with the executor's share: two of the four must go.
    ok(api.createJob(job(WEB, 1, "preferred", 0.75, 384)));
    await("the production task to run").atMost(DELAY.plus(INTERVAL).plus(SLACK))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> tasks(api, WEB, ScheduleStatus.RUNNING).size() == 1);
    System.out.printf("PreemptionDistIT: production task RUNNING %d ms after createJob%n",
        (System.nanoTime() - created) / 1_000_000);

    String webTask = tasks(api, WEB, ScheduleStatus.RUNNING).get(0).getAssignedTask().getTaskId();
    List<ScheduledTask> victims = tasks(api, BATCH, ScheduleStatus.KILLED);
    assertThat(victims).hasSize(2);
    for (ScheduledTask victim : victims) {
      assertThat(victim.getTaskEvents()).extracting(TaskEvent::getMessage)
          .contains("Preempting in favor of " + webTask);
    }
    assertThat(leader.get("/vars").orElseThrow())
        .containsPattern("(?m)^preemptor_tasks_preempted_non_prod 2$")
        .containsPattern("(?m)^preemptor_slot_validation_success 1$");
    assertThat(leader.get("/metrics").orElseThrow())
        .containsPattern("(?m)^preemptor_tasks_preempted_non_prod_total 2(\\.0)?$");
  }

  private static JobConfiguration job(JobKey key, int instances, String tier, double cpus,
      long ramMb) {
    String thermos = "{\"task\":{\"name\":\"idle\",\"processes\":[{\"name\":\"idle\","
        + "\"cmdline\":\"exec sleep 600\"}]}}";
    TaskConfig task = new TaskConfig()
        .setIsService(true)
        .setMaxTaskFailures(-1)
        .setPriority(0)
        .setTier(tier)
        .setResources(new HashSet<>(List.of(
            Resource.numCpus(cpus), Resource.ramMb(ramMb), Resource.diskMb(16))))
        .setConstraints(new HashSet<>())
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor", thermos));
    return new JobConfiguration().setKey(key).setOwner(new Identity().setUser(key.getRole()))
        .setTaskConfig(task).setInstanceCount(instances);
  }

  private static void ok(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
  }

  private static List<ScheduledTask> tasks(AuroraAdmin.Client api, JobKey job,
      ScheduleStatus status) throws Exception {
    Response r = api.getTasksStatus(new TaskQuery().setJobKeys(Set.of(job))
        .setStatuses(Set.of(status)));
    ok(r);
    return r.getResult().getScheduleStatusResult().getTasks();
  }
}
