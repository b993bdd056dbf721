package io.aurora.server.app;

import static io.aurora.server.app.SchedulerScenario.BINARY;
import static io.aurora.server.app.SchedulerScenario.WAIT;
import static io.aurora.server.app.SchedulerScenario.assertOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.HostStatus;
import io.aurora.gen.Hosts;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.Response;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskEvent;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SLA-aware drain end to end: the daemon, the embedded master with three process agents (three
 * host names), a 4-instance job whose policy lets one instance be down at a time. The drained
 * host's tasks go one after the other, never two down at once, the host becomes DRAINED, and
 * endMaintenance returns it to service.
 */
class MaintenanceDrainIT {
  private static final JobKey JOB = JobKeys.from("www", "prod", "web");
  @TempDir Path dir;

  @Test
  void slaDrain_oneInstanceDownAtATime_hostDrained_thenBackInService() throws Exception {
    LocalMesosOptions mesosOptions = LocalMesosOptions.defaults(dir.resolve("mesos"))
        .withAgents(3, 0)
        .withIntervals(Duration.ofSeconds(15), Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(1));
    mesosOptions = new LocalMesosOptions(mesosOptions.port(), 3, 0, mesosOptions.workDir(),
        "cpus:2;mem:2048;disk:4000;ports:[31000-32000]", mesosOptions.simulatedAgentResources(),
        "", mesosOptions.simulatedTaskDuration(), mesosOptions.simulatedTaskEnd(),
        mesosOptions.heartbeatInterval(), mesosOptions.allocationInterval(),
        mesosOptions.updateRetryInterval(), mesosOptions.killGracePeriod());
    try (TestingServer zk = new TestingServer();
        LocalMesos mesos = LocalMesos.start(mesosOptions, Clock.systemUTC())) {
      SchedulerComponent component = SchedulerScenario.component(zk.getConnectString(),
          mesos.address(), dir, "-host_maintenance_polling_interval=1secs",
          "-min_required_instances_for_sla_check=1", "-sla_aware_kill_non_prod=true");
      component.lifecycle().start();
      try {
        await("ACTIVE").atMost(WAIT).until(
            () -> component.lifecycle().state() == LifecycleState.ACTIVE);
        String http = "http://127.0.0.1:" + component.lifecycle().httpPort();
        AuroraAdmin.Client api = SchedulerScenario.client(http, BINARY);
        run(api, http);
      } finally {
        component.lifecycle().stop();
      }
    }
  }

  private void run(AuroraAdmin.Client api, String http) throws Exception {
    JobConfiguration job = SchedulerScenario.job(JOB).setInstanceCount(4);
    job.getTaskConfig().setIsService(true).setMaxTaskFailures(-1)
        .setSlaPolicy(SlaPolicy.countSlaPolicy(new CountSlaPolicy(3, 0)))
        .getExecutorConfig().setData("{\"task\":{\"name\":\"web\",\"processes\":[{\"name\":"
            + "\"web\",\"cmdline\":\"sleep 600\"}]}}");
    assertOk(api.createJob(job));
    await("4 instances RUNNING").atMost(WAIT).until(() -> running(api).size() == 4);

    // Drain the host with the most instances.
    Map<String, Long> perHost = running(api).stream().collect(Collectors.groupingBy(
        t -> t.getAssignedTask().getSlaveHost(), Collectors.counting()));
    String host = perHost.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
        .getKey();
    long onHost = perHost.get(host);
    Hosts hosts = new Hosts(Set.of(host, "unknown.example"));
    Response r = api.slaDrainHosts(hosts,
        SlaPolicy.countSlaPolicy(new CountSlaPolicy(4, 0)), 3600);
    assertOk(r);
    assertThat(r.getResult().getDrainHostsResult().getStatuses())
        .containsExactly(new HostStatus(host, MaintenanceMode.DRAINING));

    AtomicInteger fewestRunning = new AtomicInteger(4);
    await("the host DRAINED").atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
      fewestRunning.accumulateAndGet(running(api).size(), Math::min);
      return mode(api, host) == MaintenanceMode.DRAINED;
    });
    assertThat(fewestRunning.get()).as("instances RUNNING at any sample").isGreaterThanOrEqualTo(3);
    await("4 instances RUNNING again").atMost(WAIT).until(() -> running(api).size() == 4);
    assertThat(running(api)).noneMatch(t -> host.equals(t.getAssignedTask().getSlaveHost()));
    assertNoTwoDownAtOnce(api, onHost);
    assertThat(SchedulerScenario.get(http, "/maintenance"))
        .isEqualTo("{\"DRAINED\":[\"" + host + "\"],\"SCHEDULED\":[],\"DRAINING\":{}}");

    Response end = api.endMaintenance(hosts);
    assertOk(end);
    assertThat(end.getResult().getEndMaintenanceResult().getStatuses())
        .containsExactly(new HostStatus(host, MaintenanceMode.NONE));
    assertThat(SchedulerScenario.get(http, "/maintenance"))
        .isEqualTo("{\"DRAINED\":[],\"SCHEDULED\":[],\"DRAINING\":{}}");
  }

  /**
   * From the task events: each drained instance was down from its DRAINING event until its
   * replacement's RUNNING event; no two such intervals overlap.
   */
  private static void assertNoTwoDownAtOnce(AuroraAdmin.Client api, long drained)
      throws Exception {
    List<ScheduledTask> all = api.getTasksStatus(TaskQueries.byJob(JOB).build()).getResult()
        .getScheduleStatusResult().getTasks();
    Map<String, ScheduledTask> byAncestor = all.stream().filter(ScheduledTask::isSetAncestorId)
        .collect(Collectors.toMap(ScheduledTask::getAncestorId, Function.identity()));
    List<long[]> down = new ArrayList<>();
    for (ScheduledTask t : all) {
      long drainedAt = at(t, ScheduleStatus.DRAINING);
      if (drainedAt >= 0) {
        ScheduledTask replacement = byAncestor.get(t.getAssignedTask().getTaskId());
        assertThat(replacement).as("replacement of %s", t.getAssignedTask().getTaskId())
            .isNotNull();
        down.add(new long[] {drainedAt, at(replacement, ScheduleStatus.RUNNING)});
      }
    }
    assertThat(down).hasSize((int) drained);
    down.sort(Comparator.comparingLong(d -> d[0]));
    for (int i = 1; i < down.size(); i++) {
      assertThat(down.get(i)[0]).as("drain %d starts after the previous replacement runs", i)
          .isGreaterThanOrEqualTo(down.get(i - 1)[1]);
    }
  }

  private static long at(ScheduledTask t, ScheduleStatus status) {
    for (TaskEvent e : t.getTaskEvents()) {
      if (e.getStatus() == status) {
        return e.getTimestamp();
      }
    }
    return -1;
  }

  private static List<ScheduledTask> running(AuroraAdmin.Client api) throws Exception {
    return api.getTasksStatus(TaskQueries.byJob(JOB).statuses(Set.of(ScheduleStatus.RUNNING))
        .build()).getResult().getScheduleStatusResult().getTasks();
  }

  private static MaintenanceMode mode(AuroraAdmin.Client api, String host) throws Exception {
    return api.maintenanceStatus(new Hosts(Set.of(host))).getResult()
        .getMaintenanceStatusResult().getStatuses().iterator().next().getMode();
  }
}
