package com.example.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FeasibilityCheck;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.filter.Veto;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.server.embedded.EmbeddedScheduler;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of docs/embedding.md, run as written: a durable custom scheduler against the
 * embedded Mesos master's simulated agents creates a job, sees it RUNNING, is closed, and a new
 * one over the same data directory recovers the job and its tasks. It lives outside
 * {@code io.aurora} and so can use public API only. The regions marked {@code region NAME} are
 * the page's snippets; {@code EmbeddingDocTest} keeps the two equal.
 */
class DurableSchedulerExampleIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** What bin/aurora-local-mesos -local_simulated_agent_attributes='rack:r#%3;zone:z#%2' gives. */
  private static final String ATTRIBUTES = "rack:r#%3;zone:z#%2";

  @TempDir Path dir;

  // region check
  /** Never place a task in a rack that is being drained. */
  static final class AvoidRacks implements FeasibilityCheck {
    private final Set<String> drained;

    AvoidRacks(Set<String> drained) {
      this.drained = Set.copyOf(drained);
    }

    @Override
    public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
      return host.values("rack").stream().anyMatch(drained::contains)
          ? Optional.of(Veto.custom("Rack is being drained", 50_000))
          : Optional.empty();
    }

    @Override
    public boolean isStatic() {
      return true;   // depends on the host alone: its answer is cached per task group and offer
    }
  }
  // endregion

  // region build
  static EmbeddedScheduler scheduler(Path dataDir, String master) {
    // Offers from zone z1 first; ties keep the offer order.
    Scorer preferZ1 = (task, offer) -> offer.values("zone").contains("z1") ? 1 : 0;
    return EmbeddedScheduler.builder(dataDir, master)
        .framework(FrameworkOptions.DEFAULTS.withName("my-scheduler"))
        .scheduling(SchedulerRuntimeOptions.DEFAULTS.withSchedulerHost("my-scheduler-host"))
        .check(new AvoidRacks(Set.of("r0")))
        .scorer(preferZ1)
        .build();
  }
  // endregion

  @Test
  void createsAJob_seesItRunning_andRecoversItAfterARestart() throws Exception {
    LocalMesosOptions mesosOptions = LocalMesosOptions.simulatedOnly(3, dir.resolve("mesos"),
        "cpus:8;mem:16384;disk:100000;ports:[31000-32000]");
    mesosOptions = new LocalMesosOptions(0, 0, 3, mesosOptions.workDir(),
        mesosOptions.agentResources(), mesosOptions.simulatedAgentResources(), ATTRIBUTES,
        Optional.empty(), TaskState.TASK_FINISHED, mesosOptions.heartbeatInterval(),
        mesosOptions.allocationInterval(), mesosOptions.updateRetryInterval(),
        mesosOptions.killGracePeriod());
    try (LocalMesos mesos = LocalMesos.start(mesosOptions, Clock.systemUTC())) {
      String master = mesos.address();
      Path dataDir = dir.resolve("scheduler");
      JobKey key;
      Set<String> taskIds;
      FrameworkID firstId;

      // region start
      EmbeddedScheduler scheduler = scheduler(dataDir, master);
      FrameworkID frameworkId = scheduler.start().get(1, TimeUnit.MINUTES);
      // endregion
      firstId = frameworkId;
      try {
        // region job
        TaskConfig task = new TaskConfig()
            .setIsService(true)
            .setResources(new HashSet<>(Set.of(
                Resource.numCpus(1), Resource.ramMb(256), Resource.diskMb(64))))
            .setExecutorConfig(new ExecutorConfig("AuroraExecutor", "{}"));
        JobConfiguration job = new JobConfiguration()
            .setKey(JobKeys.from("team", "prod", "hello"))
            .setInstanceCount(3)
            .setTaskConfig(task);
        Response created = scheduler.api().createJob(job);
        // endregion
        assertThat(created.getResponseCode()).as(created.toString()).isEqualTo(ResponseCode.OK);
        key = job.getKey();
        await().atMost(WAIT).until(() -> running(scheduler.api(), key).size() == 3);
        List<ScheduledTask> tasks = running(scheduler.api(), key);
        assertThat(tasks).extracting(t -> t.getAssignedTask().getSlaveHost())
            .allMatch(host -> host.matches("sim-agent-[12]\\.local"));
        taskIds = Set.copyOf(tasks.stream().map(t -> t.getAssignedTask().getTaskId()).toList());
      } finally {
        // region close
        scheduler.close();
        // endregion
      }

      // region restart
      EmbeddedScheduler restarted = scheduler(dataDir, master);
      restarted.start().get(1, TimeUnit.MINUTES);   // the same framework id, from the log
      List<ScheduledTask> recovered = restarted.api()
          .getTasksStatus(TaskQueries.byJob(key).build())
          .getResult().getScheduleStatusResult().getTasks();
      // endregion
      try (restarted) {
        assertThat(restarted.subscribed().get()).isEqualTo(firstId);
        assertThat(recovered).extracting(t -> t.getAssignedTask().getTaskId())
            .containsExactlyInAnyOrderElementsOf(taskIds);
        assertThat(recovered).extracting(ScheduledTask::getStatus)
            .containsOnly(ScheduleStatus.RUNNING);
        // The master still runs them, and reconciliation after the restart keeps them RUNNING.
        assertThat(mesos.taskCount()).isEqualTo(3);
        await().atMost(WAIT).until(() -> restarted.runtime().reconciler().explicitRuns() >= 1);
        assertThat(running(restarted.api(), key)).hasSize(3);
      }
    }
  }

  // region query
  static List<ScheduledTask> running(AuroraAdminService api, JobKey job) {
    return api.getTasksStatus(TaskQueries.byJob(job).statuses(ScheduleStatus.RUNNING).build())
        .getResult().getScheduleStatusResult().getTasks();
  }
  // endregion
}
