package io.aurora.scheduling.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.HostStatus;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.sla.SlaRules;
import io.aurora.scheduling.slacoord.CoordinatorOptions;
import io.aurora.scheduling.slacoord.SlaCoordinator;
import io.aurora.scheduling.testing.SchedulerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;

/** Modes, drains and SLA-aware drain passes over the scheduling harness (fake clock, driver). */
class MaintenanceControllerTest {
  private static final String A = "a1.example";
  private static final String B = "a2.example";
  private static final String UNKNOWN = "nowhere.example";

  private final SchedulerHarness h = new SchedulerHarness();
  private final MaintenanceController maintenance = new MaintenanceController(h.writer, h.clock,
      h.timers, new MaintenanceOptions(Duration.ofMinutes(1), Duration.ofMinutes(6),
          new SlaRules(0, false), CoordinatorOptions.DEFAULTS),
      new SlaCoordinator(() -> {
        throw new AssertionError("no coordinator in these tests");
      }, CoordinatorOptions.DEFAULTS, h.registry, Runnable::run), h.registry);

  private static SlaPolicy count(long n, long durationSecs) {
    return SlaPolicy.countSlaPolicy(new CountSlaPolicy(n, durationSecs));
  }

  /** A production job of {@code instances}, with the task policy {@code policy} if not null. */
  private static TaskConfig web(SlaPolicy policy) {
    TaskConfig c = Fixtures.config("www", "web", 0.5, 64, 10).setProduction(true);
    return policy == null ? c : c.setSlaPolicy(policy);
  }

  /** Places and starts {@code instances} tasks of {@code config}: two per host on a1 and a2. */
  private void runOnTwoHosts(TaskConfig config, int instances) {
    h.insertPending(config, Set.copyOf(IntStream.range(0, instances).boxed().toList()));
    // Each offer takes two tasks (0.75 CPUs and 192 MB with the executor's share).
    h.offer("a1", 1.5, 1024);
    h.loop.runOnce();
    h.offer("a2", 1.5, 1024);
    h.loop.runOnce();
    for (String id : h.ids(ScheduleStatus.ASSIGNED)) {
      h.update(id, TaskState.TASK_RUNNING);
    }
    assertThat(h.tasks(ScheduleStatus.RUNNING)).hasSize(instances);
  }

  private List<ScheduledTask> on(String host, ScheduleStatus status) {
    return h.tasks(status).stream()
        .filter(t -> host.equals(t.getAssignedTask().getSlaveHost())).toList();
  }

  private List<io.aurora.gen.HostMaintenanceRequest> requests() {
    return h.storage.read(s -> s.hostMaintenanceStore().fetchHostMaintenanceRequests());
  }

  private MaintenanceMode mode(String host) {
    return maintenance.status(Set.of(host)).get(0).getMode();
  }

  /** Kills what Mesos was asked to kill, and runs the replacements on a fresh host. */
  private void killDrainedAndReplace(String freshAgent) {
    for (ScheduledTask t : h.tasks(ScheduleStatus.DRAINING)) {
      h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_KILLED);
    }
    h.offer(freshAgent, 1.5, 1024);
    h.loop.runOnce();
    for (String id : h.ids(ScheduleStatus.ASSIGNED)) {
      h.update(id, TaskState.TASK_RUNNING);
    }
  }

  @Test
  void modes_knownHostsOnly_startDrainEnd() {
    h.offer("a1", 1, 64);
    assertThat(maintenance.startMaintenance(Set.of(A, UNKNOWN)))
        .containsExactly(new HostStatus(A, MaintenanceMode.SCHEDULED));
    assertThat(maintenance.status(Set.of(A, UNKNOWN)))
        .containsExactly(new HostStatus(A, MaintenanceMode.SCHEDULED));
    // Nothing runs there: drained at once.
    assertThat(maintenance.drain(Set.of(A, UNKNOWN)))
        .containsExactly(new HostStatus(A, MaintenanceMode.DRAINED));
    assertThat(requests()).singleElement().satisfies(r -> assertThat(r.getTimeoutSecs()).isZero());
    assertThat(maintenance.end(Set.of(A, UNKNOWN)))
        .containsExactly(new HostStatus(A, MaintenanceMode.NONE));
    assertThat(requests()).isEmpty();
    assertThat(maintenance.status(Set.of(UNKNOWN))).isEmpty();
  }

  @Test
  void drainHosts_drainsEveryTaskAtOnce_hostDrainedWhenTheyEnd() {
    runOnTwoHosts(web(count(4, 0)), 4);
    assertThat(maintenance.drain(Set.of(A)))
        .containsExactly(new HostStatus(A, MaintenanceMode.DRAINING));
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(2).allSatisfy(t -> {
      List<TaskEvent> events = t.getTaskEvents();
      assertThat(events.get(events.size() - 1).getMessage())
          .isEqualTo("Draining machine for maintenance.");
    });
    assertThat(h.driver.calls(org.apache.mesos.v1.scheduler.Protos.Call.Type.KILL)).hasSize(2);
    maintenance.pass();
    assertThat(mode(A)).isEqualTo(MaintenanceMode.DRAINING);
    maintenance.startMaintenance(Set.of(B));
    assertThat(maintenance.page()).containsExactly(
        java.util.Map.entry("DRAINED", List.of()),
        java.util.Map.entry("SCHEDULED", List.of(B)),
        java.util.Map.entry("DRAINING", java.util.Map.of(A, on(A, ScheduleStatus.DRAINING).stream()
            .map(t -> t.getAssignedTask().getTaskId()).sorted().toList())));
    killDrainedAndReplace("a3");
    maintenance.pass();
    assertThat(mode(A)).isEqualTo(MaintenanceMode.DRAINED);
    // The replacements went to the fresh host, never back to the drained one.
    assertThat(on("a3.example", ScheduleStatus.RUNNING)).hasSize(2);
    assertThat(maintenance.end(Set.of(A))).containsExactly(new HostStatus(A, MaintenanceMode.NONE));
  }

  @Test
  void slaDrain_takesOneInstanceDownAtATime() {
    // 4 instances, 3 must stay up: one may be down at a time.
    runOnTwoHosts(web(count(3, 0)), 4);
    assertThat(maintenance.slaDrain(Set.of(A), count(4, 0), 3600))
        .containsExactly(new HostStatus(A, MaintenanceMode.DRAINING));
    maintenance.pass();
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(1);
    assertThat(on(A, ScheduleStatus.RUNNING)).hasSize(1);
    String waitingId = on(A, ScheduleStatus.RUNNING).get(0).getAssignedTask().getTaskId();
    assertThat(maintenance.waiting()).containsOnlyKeys(waitingId);
    assertThat(maintenance.waiting().get(waitingId).reason()).contains("2 other instances up");
    int instance = on(A, ScheduleStatus.RUNNING).get(0).getAssignedTask().getInstanceId();
    String gauge = "maintenance_countdown_ms_www/prod/web/" + instance;
    assertThat(h.registry.get(gauge).gauge().value()).isEqualTo(3_600_000.0);
    h.clock.advance(Duration.ofMinutes(10));
    assertThat(h.registry.get(gauge).gauge().value()).isEqualTo(3_000_000.0);

    maintenance.pass();
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(1);
    killDrainedAndReplace("a3");
    maintenance.pass();
    // The replacement runs: the second instance may go now.
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(1);
    assertThat(on(A, ScheduleStatus.RUNNING)).isEmpty();
    assertThat(maintenance.waiting()).isEmpty();
    assertThat(h.registry.find(gauge).gauge()).isNull();
    killDrainedAndReplace("a4");
    maintenance.pass();
    assertThat(mode(A)).isEqualTo(MaintenanceMode.DRAINED);
    assertThat(h.tasks(ScheduleStatus.RUNNING)).hasSize(4);
  }

  @Test
  void slaDrain_usesTheRequestsPolicyForTasksWithout_andUpTimeCounts() {
    runOnTwoHosts(web(null), 4);
    // Nothing has run for 5 minutes yet: nothing may go.
    maintenance.slaDrain(Set.of(A), count(2, 300), 3600);
    assertThat(on(A, ScheduleStatus.RUNNING)).hasSize(2);
    h.clock.advance(Duration.ofMinutes(5));
    maintenance.pass();
    // 2 others must be up: after the first of A's tasks goes, the second still sees B's two.
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(2);
  }

  @Test
  void slaDrain_forcedAfterTheTimeout() {
    runOnTwoHosts(web(count(4, 0)), 4);
    maintenance.slaDrain(Set.of(A), count(4, 0), 60);
    maintenance.pass();
    // count 4 of 4 is relaxed to 3: one goes, the other waits.
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(1);
    maintenance.pass();
    assertThat(on(A, ScheduleStatus.RUNNING)).hasSize(1);
    h.clock.advance(Duration.ofSeconds(60));
    maintenance.pass();
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(2);
  }

  @Test
  void requests_andModes_surviveInStorage_forTheNextLeader() {
    runOnTwoHosts(web(count(3, 0)), 4);
    maintenance.slaDrain(Set.of(A), count(3, 0), 3600);
    MaintenanceController next = new MaintenanceController(h.writer, h.clock, h.timers,
        new MaintenanceOptions(Duration.ofMinutes(1), Duration.ofMinutes(6),
            new SlaRules(0, false), CoordinatorOptions.DEFAULTS),
        new SlaCoordinator(() -> null, CoordinatorOptions.DEFAULTS, h.registry, Runnable::run),
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    killDrainedAndReplace("a3");
    next.pass();
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(1);
    assertThat(next.status(Set.of(A))).containsExactly(new HostStatus(A, MaintenanceMode.DRAINING));
  }

  @Test
  void passes_runOnTheTimer_onceStarted() {
    runOnTwoHosts(web(count(3, 0)), 4);
    maintenance.slaDrain(Set.of(A), count(3, 0), 3600);
    assertThat(on(A, ScheduleStatus.DRAINING)).as("not started: no pass yet").isEmpty();
    maintenance.start(Runnable::run);
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(1);
    killDrainedAndReplace("a3");
    assertThat(on(A, ScheduleStatus.DRAINING)).isEmpty();
    h.advance(Duration.ofMinutes(1));
    assertThat(on(A, ScheduleStatus.DRAINING)).hasSize(1);
  }

  @Test
  void mesosUnavailability_drainsWithinTheThreshold() {
    runOnTwoHosts(web(count(3, 0)), 4);
    maintenance.unavailable(B, h.clock.millis() + Duration.ofMinutes(10).toMillis());
    maintenance.pass();
    assertThat(mode(B)).isEqualTo(MaintenanceMode.NONE);
    h.clock.advance(Duration.ofMinutes(4));
    maintenance.pass();
    assertThat(mode(B)).isEqualTo(MaintenanceMode.DRAINING);
    assertThat(on(B, ScheduleStatus.DRAINING)).hasSize(2);
  }

  @Test
  void passes_withNothingDraining_takeNoWrite() {
    io.aurora.scheduling.testing.CountingStorage counting =
        new io.aurora.scheduling.testing.CountingStorage(h.storage);
    MaintenanceController idle = new MaintenanceController(h.writerOn(counting), h.clock,
        h.timers, MaintenanceOptions.DEFAULTS,
        new SlaCoordinator(() -> null, CoordinatorOptions.DEFAULTS, h.registry, Runnable::run),
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    h.offer("a1", 1, 64);
    idle.startMaintenance(Set.of(A));
    long writes = counting.writes();
    idle.pass();
    assertThat(counting.writes()).isEqualTo(writes);
    idle.drain(Set.of(A));
    writes = counting.writes();
    idle.pass();
    assertThat(counting.writes()).as("DRAINED: nothing to do").isEqualTo(writes);
  }

  @Test
  void scheduledHosts_takeTasksLast() {
    h.offer("a1", 1, 256);
    maintenance.startMaintenance(Set.of(A));
    h.offer("a2", 1, 256);
    h.insertPending(Fixtures.config("www", "web", 0.5, 64, 10), Set.of(0));
    h.loop.runOnce();
    assertThat(h.tasks(ScheduleStatus.ASSIGNED)).singleElement()
        .satisfies(t -> assertThat(t.getAssignedTask().getSlaveHost()).isEqualTo(B));
    h.insertPending(Fixtures.config("www", "other", 0.5, 64, 10), Set.of(0));
    h.loop.runOnce();
    assertThat(on(A, ScheduleStatus.ASSIGNED)).as("SCHEDULED still takes tasks").hasSize(1);
    assertThat(JobKeys.canonicalString(on(A, ScheduleStatus.ASSIGNED).get(0).getAssignedTask()
        .getTask().getJob())).isEqualTo("www/prod/other");
  }
}
