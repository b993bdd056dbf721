package io.aurora.scheduling.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.HostMaintenanceRequest;
import io.aurora.gen.HostStatus;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.log.InMemoryLog;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.sla.SlaRules;
import io.aurora.scheduling.slacoord.CoordinatorOptions;
import io.aurora.scheduling.slacoord.SlaCoordinator;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.durable.DurableStorage;
import io.aurora.storage.testing.InMemoryDurableStorages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leader change during an SLA drain: the next leader replays the log, finds the host DRAINING
 * with its request (policy, timeout, creation time), and goes on draining one instance at a time.
 */
class MaintenanceFailoverTest {
  private static final String A = "a1.example";
  private static final SlaPolicy ONE_DOWN = SlaPolicy.countSlaPolicy(new CountSlaPolicy(3, 0));

  private final ScheduledExecutorService storageTimers =
      Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final InMemoryLog log = new InMemoryLog();
  @TempDir Path backups;

  @AfterEach
  void stop() {
    storageTimers.shutdownNow();
    committer.shutdownNow();
  }

  private DurableStorage leadingStorage(String name) throws Exception {
    DurableStorage storage = InMemoryDurableStorages.started(log, backups.resolve(name),
        Clock.systemUTC(), storageTimers, committer);
    storage.lead();
    return storage;
  }

  private static MaintenanceController controller(SchedulerHarness h) {
    return new MaintenanceController(h.writer, h.clock, h.timers,
        new MaintenanceOptions(Duration.ofMinutes(1), Duration.ofMinutes(6),
            new SlaRules(0, false), CoordinatorOptions.DEFAULTS),
        new SlaCoordinator(() -> null, CoordinatorOptions.DEFAULTS, h.registry, Runnable::run),
        h.registry);
  }

  private static List<ScheduledTask> on(SchedulerHarness h, String host, ScheduleStatus status) {
    return h.tasks(status).stream()
        .filter(t -> host.equals(t.getAssignedTask().getSlaveHost())).toList();
  }

  private static void runAll(SchedulerHarness h) {
    for (String id : h.ids(ScheduleStatus.ASSIGNED)) {
      h.update(id, TaskState.TASK_RUNNING);
    }
  }

  @Test
  void theNextLeader_keepsTheDrainRequest_andGoesOn() throws Exception {
    DurableStorage first = leadingStorage("first");
    SchedulerHarness a = new SchedulerHarness(first);
    MaintenanceController leader1 = controller(a);
    a.insertPending(Fixtures.config("www", "web", 0.5, 64, 10).setProduction(true)
        .setSlaPolicy(ONE_DOWN), Set.of(0, 1, 2, 3));
    a.offer("a1", 1.5, 1024);
    a.loop.runOnce();
    a.offer("a2", 1.5, 1024);
    a.loop.runOnce();
    runAll(a);
    assertThat(a.tasks(ScheduleStatus.RUNNING)).hasSize(4);
    leader1.slaDrain(Set.of(A), SlaPolicy.countSlaPolicy(new CountSlaPolicy(4, 0)), 3600);
    leader1.pass();
    assertThat(on(a, A, ScheduleStatus.DRAINING)).hasSize(1);
    HostMaintenanceRequest before = first.read(
        s -> s.hostMaintenanceStore().fetchHostMaintenanceRequest(A)).orElseThrow();
    first.close();

    DurableStorage second = leadingStorage("second");
    SchedulerHarness b = new SchedulerHarness(second);
    MaintenanceController leader2 = controller(b);
    assertThat(leader2.status(Set.of(A)))
        .containsExactly(new HostStatus(A, MaintenanceMode.DRAINING));
    HostMaintenanceRequest after = second.read(
        s -> s.hostMaintenanceStore().fetchHostMaintenanceRequest(A)).orElseThrow();
    assertThat(after).isEqualTo(before);
    // Still one down: the new leader's pass takes no second instance.
    leader2.pass();
    assertThat(on(b, A, ScheduleStatus.DRAINING)).hasSize(1);
    assertThat(on(b, A, ScheduleStatus.RUNNING)).hasSize(1);
    // The drained one ends and its replacement runs elsewhere: the next one may go.
    for (ScheduledTask t : b.tasks(ScheduleStatus.DRAINING)) {
      b.update(t.getAssignedTask().getTaskId(), TaskState.TASK_KILLED);
    }
    b.offer("a3", 1.5, 1024);
    b.loop.runOnce();
    runAll(b);
    leader2.pass();
    assertThat(on(b, A, ScheduleStatus.DRAINING)).hasSize(1);
    assertThat(on(b, A, ScheduleStatus.RUNNING)).isEmpty();
    second.close();
  }
}
