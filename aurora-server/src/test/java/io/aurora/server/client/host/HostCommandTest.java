package io.aurora.server.client.host;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.DrainHostsResult;
import io.aurora.gen.EndMaintenanceResult;
import io.aurora.gen.HostStatus;
import io.aurora.gen.Hosts;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.MaintenanceStatusResult;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduleStatusResult;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.StartMaintenanceResult;
import io.aurora.gen.TaskConfig;
import io.aurora.server.client.ClientHarness;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code aurora host ...} against a scripted scheduler. */
class HostCommandTest {
  private final ClientHarness client = new ClientHarness();

  private static Set<HostStatus> statuses(MaintenanceMode mode, String... hosts) {
    Set<HostStatus> out = new java.util.HashSet<>();
    for (String h : hosts) {
      out.add(new HostStatus(h, mode));
    }
    return out;
  }

  private static Result status(MaintenanceMode mode, String... hosts) {
    return Result.maintenanceStatusResult(new MaintenanceStatusResult(statuses(mode, hosts)));
  }

  private static ScheduledTask task(int instance, ScheduleStatus status) {
    return new ScheduledTask().setStatus(status).setAssignedTask(new AssignedTask()
        .setTaskId("t" + instance).setInstanceId(instance).setSlaveHost("h1")
        .setTask(new TaskConfig().setJob(JobKeys.from("www", "prod", "web"))));
  }

  @Test
  void startMaintenance_printsModes_andUnknownHosts() {
    client.scheduler.answer("startMaintenance", ok(Result.startMaintenanceResult(
        new StartMaintenanceResult(statuses(MaintenanceMode.SCHEDULED, "h1")))));

    assertThat(client.run("host", "start-maintenance", "local", "h1", "nope")).isEqualTo(0);

    assertThat(client.scheduler.calls("startMaintenance").get(0).arg(0))
        .isEqualTo(new Hosts(Set.of("h1", "nope")));
    assertThat(client.clusters).containsExactly(Optional.of("local"));
    assertThat(client.out()).isEqualTo(String.join("\n",
        "HOST  MODE",
        "h1    SCHEDULED",
        "nope  unknown to the scheduler (skipped)",
        ""));
  }

  @Test
  void drainStatusEnd_callTheirMethods() {
    client.scheduler.answer("drainHosts", ok(Result.drainHostsResult(
        new DrainHostsResult(statuses(MaintenanceMode.DRAINING, "h1")))));
    client.scheduler.answer("maintenanceStatus", ok(status(MaintenanceMode.DRAINED, "h1")));
    client.scheduler.answer("endMaintenance", ok(Result.endMaintenanceResult(
        new EndMaintenanceResult(statuses(MaintenanceMode.NONE, "h1")))));

    assertThat(client.run("host", "drain", "local", "h1")).isEqualTo(0);
    assertThat(client.run("host", "status", "local", "h1")).isEqualTo(0);
    assertThat(client.run("host", "end", "local", "h1")).isEqualTo(0);

    assertThat(client.out()).contains("h1    DRAINING").contains("h1    DRAINED")
        .contains("h1    NONE");
  }

  @Test
  void slaDrain_sendsThePolicy_waitsShowingTasksOnTheirSla() {
    client.scheduler.answer("slaDrainHosts", ok(Result.drainHostsResult(
        new DrainHostsResult(statuses(MaintenanceMode.DRAINING, "h1")))));
    client.scheduler.answer("maintenanceStatus", ok(status(MaintenanceMode.DRAINING, "h1")),
        ok(status(MaintenanceMode.DRAINING, "h1")), ok(status(MaintenanceMode.DRAINED, "h1")));
    client.scheduler.answer("getTasksWithoutConfigs",
        ok(Result.scheduleStatusResult(new ScheduleStatusResult(List.of(
            task(0, ScheduleStatus.DRAINING), task(1, ScheduleStatus.RUNNING))))),
        ok(Result.scheduleStatusResult(new ScheduleStatusResult(List.of(
            task(1, ScheduleStatus.DRAINING))))));

    assertThat(client.run("host", "sla-drain", "local", "h1", "--count", "3",
        "--duration-secs", "60", "--timeout-secs", "3600", "--interval-secs", "2")).isEqualTo(0);

    var call = client.scheduler.calls("slaDrainHosts").get(0);
    assertThat(call.arg(1)).isEqualTo(SlaPolicy.countSlaPolicy(
        new io.aurora.gen.CountSlaPolicy(3, 60)));
    assertThat(call.arg(2)).isEqualTo(3600L);
    assertThat(client.out()).isEqualTo(String.join("\n",
        "HOST  MODE",
        "h1    DRAINING",
        "  draining:        www/prod/web/0 on h1 (DRAINING)",
        "  waiting on SLA:  www/prod/web/1 on h1 (RUNNING)",
        "  draining:        www/prod/web/1 on h1 (DRAINING)",
        "drained: h1",
        ""));
    assertThat(client.pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void slaDrain_defaultPolicy_isAurorasNinetyFivePercentOverThirtyMinutes_noWait() {
    client.scheduler.answer("slaDrainHosts", ok(Result.drainHostsResult(
        new DrainHostsResult(statuses(MaintenanceMode.DRAINING, "h1")))));

    assertThat(client.run("host", "sla-drain", "local", "h1", "--no-wait")).isEqualTo(0);

    var call = client.scheduler.calls("slaDrainHosts").get(0);
    assertThat(call.arg(1)).isEqualTo(SlaPolicy.percentageSlaPolicy(
        new io.aurora.gen.PercentageSlaPolicy(95, 1800)));
    assertThat(call.arg(2)).isEqualTo(604800L);
    assertThat(client.scheduler.calls("maintenanceStatus")).isEmpty();
  }

  @Test
  void slaDrain_endedMeanwhile_failsWithExitFour() {
    client.scheduler.answer("slaDrainHosts", ok(Result.drainHostsResult(
        new DrainHostsResult(statuses(MaintenanceMode.DRAINING, "h1")))));
    client.scheduler.answer("maintenanceStatus", ok(status(MaintenanceMode.NONE, "h1")));

    assertThat(client.run("host", "sla-drain", "local", "h1")).isEqualTo(4);
    assertThat(client.err()).contains("the drain was ended").contains("h1 NONE");
  }

  @Test
  void noHost_isAUsageError() {
    assertThat(client.run("host", "drain", "local")).isEqualTo(2);
    assertThat(client.scheduler.calls()).isEmpty();
  }
}
