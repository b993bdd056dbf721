package io.aurora.server.app;

import static io.aurora.server.app.SchedulerScenario.BINARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.PendingReason;
import io.aurora.gen.Resource;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.curator.test.TestingServer;
import org.apache.mesos.v1.Protos.TaskID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revocable-tier job on the embedded master: with {@code -receive_revocable_resources} the
 * simulated agent's revocable CPUs are offered, and the job's task runs on them (launched with
 * revocable CPUs for itself and its executor), while a preemptible job asking the same does not
 * fit in the agent's few non-revocable CPUs.
 */
class RevocableTierIT {
  @TempDir Path dir;

  private static JobConfiguration job(JobKey key, String tier) {
    JobConfiguration job = SchedulerScenario.job(key);
    job.getTaskConfig().setTier(tier).setResources(new HashSet<>(List.of(
        Resource.numCpus(1), Resource.ramMb(64), Resource.diskMb(16))));
    return job;
  }

  @Test
  void revocableJob_runsOnTheSimulatedAgentsRevocableCpus() throws Exception {
    // 0.5 non-revocable CPUs and 4 revocable ones: a task of 1 CPU (+0.25 for the executor) fits
    // only on the revocable ones.
    LocalMesosOptions options = LocalMesosOptions.simulatedOnly(1, dir.resolve("mesos"),
            "cpus:0.5;mem:4096;disk:10000;ports:[31000-31100]")
        .withSimulatedRevocableCpus(4)
        .withIntervals(Duration.ofSeconds(15), Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(2));
    try (TestingServer zk = new TestingServer();
        LocalMesos mesos = LocalMesos.start(options, Clock.systemUTC())) {
      SchedulerComponent component = SchedulerScenario.component(zk.getConnectString(),
          mesos.address(), dir, "-receive_revocable_resources");
      component.lifecycle().start();
      try {
        await("ACTIVE").atMost(SchedulerScenario.WAIT)
            .until(() -> component.lifecycle().state() == LifecycleState.ACTIVE);
        AuroraAdmin.Client api = SchedulerScenario.client(
            "http://127.0.0.1:" + component.lifecycle().httpPort(), BINARY);
        JobKey revocable = JobKeys.from("www", "devel", "scavenger");
        JobKey preemptible = JobKeys.from("www", "devel", "batch");
        SchedulerScenario.assertOk(api.createJob(job(revocable, "revocable")));
        SchedulerScenario.assertOk(api.createJob(job(preemptible, "preemptible")));

        ScheduledTask running = SchedulerScenario.awaitStatus(api, revocable, ScheduleStatus.RUNNING);
        List<org.apache.mesos.v1.Protos.Resource> launched = mesos.taskResources(
            TaskID.newBuilder().setValue(running.getAssignedTask().getTaskId()).build())
            .orElseThrow();
        assertThat(launched).filteredOn(r -> r.getName().equals("cpus"))
            .allMatch(org.apache.mesos.v1.Protos.Resource::hasRevocable)
            .extracting(r -> r.getScalar().getValue()).containsExactly(1.25);
        assertThat(launched).filteredOn(r -> r.getName().equals("mem"))
            .noneMatch(org.apache.mesos.v1.Protos.Resource::hasRevocable);

        await("the preemptible task's pending reason").atMost(SchedulerScenario.WAIT).until(() -> {
          Set<PendingReason> reasons = api.getPendingReason(TaskQueries.byJob(preemptible).build())
              .getResult().getGetPendingReasonResult().getReasons();
          return reasons.stream().anyMatch(r -> r.getReason().contains("Insufficient: cpus"));
        });
        assertThat(api.getTasksStatus(TaskQueries.byJob(preemptible).build()).getResult()
            .getScheduleStatusResult().getTasks()).extracting(ScheduledTask::getStatus)
            .containsExactly(ScheduleStatus.PENDING);
      } finally {
        component.lifecycle().stop();
      }
      SchedulerScenario.assertThreadsEnded(component);
    }
  }
}
