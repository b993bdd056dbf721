package io.aurora.scheduling.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.api.TaskQueries;
import io.aurora.api.JobKeys;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.state.RescheduleCalculator;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.state.Transition.Result;
import io.aurora.scheduling.testing.FakeClock;
import io.aurora.storage.Storage;
import io.aurora.storage.mem.MemStorage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The {@link StateManager} performing side effects on real in-memory storage. */
class StateManagerTest {
  private final FakeClock clock = new FakeClock();
  private final AtomicLong uuids = new AtomicLong();
  private final StateManager manager = new StateManager(clock,
      new TaskIds(() -> new UUID(0, uuids.incrementAndGet())),
      new RescheduleCalculator(RescheduleOptions.DEFAULTS), "scheduler-host");
  private final Storage storage = new MemStorage();

  @Test
  void insertPending_recordsOnePendingEvent_andRefusesAnInstanceWithAnActiveTask() {
    String id = insert(batch(3)).get(0);
    ScheduledTask task = task(id);
    assertThat(task.getStatus()).isEqualTo(ScheduleStatus.PENDING);
    assertThat(task.getTaskEvents()).extracting(TaskEvent::getStatus)
        .containsExactly(ScheduleStatus.PENDING);
    assertThat(task.getTaskEvents().get(0).getScheduler()).isEqualTo("scheduler-host");
    assertThatThrownBy(() -> insert(batch(3))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void killingAPendingTask_deletesIt_withoutAKill() {
    String id = insert(batch(3)).get(0);
    StateChanges out = change(id, ScheduleStatus.KILLING, "Killed by alice");
    Optional<ScheduledTask> gone = storage.read(s -> s.taskStore().fetchTask(id));
    assertThat(gone).isEmpty();
    assertThat(out.kills()).isEmpty();
    assertThat(out.changes()).containsExactly(new StateChanges.Change(id, Optional.empty(),
        JobKeys.from("www", "prod", "batch"), 0));
  }

  @Test
  void failures_countBeforeSaving_andRescheduleUntilTheBudgetIsSpent() {
    String first = running(insert(batch(2)).get(0));
    change(first, ScheduleStatus.FAILED, "boom");
    assertThat(task(first).getFailureCount()).isEqualTo(1);
    ScheduledTask second = single(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED);
    assertThat(second.getAncestorId()).isEqualTo(first);
    assertThat(second.getFailureCount()).as("carried over").isEqualTo(1);
    assertThat(second.getAssignedTask().getTaskId()).isNotEqualTo(first);
    // A one-minute run flapped: the replacement waits out the initial penalty.
    assertThat(second.getStatus()).isEqualTo(ScheduleStatus.THROTTLED);

    String secondId = second.getAssignedTask().getTaskId();
    change(secondId, ScheduleStatus.PENDING, null);
    running(secondId);
    change(secondId, ScheduleStatus.FAILED, "boom again");
    assertThat(task(secondId).getFailureCount()).isEqualTo(2);
    int active = storage.read(s -> s.taskStore().countTasks(TaskQueries.all()
        .statuses(io.aurora.api.Tasks.ACTIVE_STATES).build()));
    assertThat(active).as("budget of 2 spent").isZero();
  }

  @Test
  void finished_reschedulesServicesOnly() {
    String service = running(insert(Fixtures.config("www", "svc", 0.5, 128, 10)).get(0));
    String batch = running(insert(batch(1)).get(0));
    change(service, ScheduleStatus.FINISHED, null);
    change(batch, ScheduleStatus.FINISHED, null);
    ScheduledTask replacement = single(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED);
    assertThat(replacement.getAncestorId()).isEqualTo(service);
  }

  @Test
  void killingAPartitionedTask_endsItLost_withoutReplacement() {
    String id = running(insert(batch(1)).get(0));
    change(id, ScheduleStatus.PARTITIONED, null);
    StateChanges out = change(id, ScheduleStatus.KILLING, "Killed by alice");
    ScheduledTask task = task(id);
    assertThat(task.getStatus()).isEqualTo(ScheduleStatus.LOST);
    assertThat(task.getTaskEvents()).extracting(TaskEvent::getStatus)
        .endsWith(ScheduleStatus.PARTITIONED, ScheduleStatus.KILLING, ScheduleStatus.LOST);
    assertThat(out.changes()).extracting(StateChanges.Change::status).containsExactly(
        Optional.of(ScheduleStatus.KILLING), Optional.of(ScheduleStatus.LOST));
    assertThat(tasks(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED)).isEmpty();
  }

  @Test
  void restartingAPartitionedTask_endsItLost_killsIt_andReplacesIt() {
    String id = running(insert(batch(1)).get(0));
    change(id, ScheduleStatus.PARTITIONED, null);
    StateChanges out = change(id, ScheduleStatus.RESTARTING, null);
    assertThat(task(id).getStatus()).isEqualTo(ScheduleStatus.LOST);
    assertThat(out.kills()).containsExactly(new StateChanges.Kill(id, Optional.of("agent-1")));
    assertThat(single(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED).getAncestorId())
        .isEqualTo(id);
  }

  @Test
  void unknownTaskReportedRunning_isKilledOnItsAgent_andCountedIllegal() {
    StateChanges out = new StateChanges();
    Result result = storage.write(s -> manager.reportedState(s, "ghost", ScheduleStatus.RUNNING,
        Optional.empty(), Optional.of("agent-9"), out));
    assertThat(result).isEqualTo(Result.ILLEGAL_WITH_SIDE_EFFECTS);
    assertThat(out.kills()).containsExactly(new StateChanges.Kill("ghost", Optional.of("agent-9")));
    assertThat(manager.illegalTransitions()).isEqualTo(1);
    assertThat(tasks()).isEmpty();
  }

  @Test
  void sameState_isANoop_andLeavesTheHistoryAlone() {
    String id = running(insert(batch(1)).get(0));
    int events = task(id).getTaskEvents().size();
    StateChanges out = new StateChanges();
    Result result = storage.write(s -> manager.changeState(s, id, ScheduleStatus.RUNNING,
        Optional.empty(), out));
    assertThat(result).isEqualTo(Result.NOOP);
    assertThat(task(id).getTaskEvents()).hasSize(events);
    assertThat(out.isEmpty()).isTrue();
  }

  private static TaskConfig batch(int maxFailures) {
    return Fixtures.config("www", "batch", 0.5, 128, 10).setIsService(false)
        .setMaxTaskFailures(maxFailures);
  }

  private List<String> insert(TaskConfig config) {
    return storage.write(s -> manager.insertPendingTasks(s, config, Set.of(0), new StateChanges()));
  }

  /** Assigns a PENDING task to agent-1 and reports it RUNNING a minute later. */
  private String running(String id) {
    storage.write(s -> manager.assignTask(s, id, "agent-1", "agent-1.example", Map.of(),
        new StateChanges()));
    clock.advance(Duration.ofSeconds(5));
    change(id, ScheduleStatus.RUNNING, null);
    clock.advance(Duration.ofMinutes(1));
    return id;
  }

  private StateChanges change(String id, ScheduleStatus to, String message) {
    StateChanges out = new StateChanges();
    storage.write(s -> manager.changeState(s, id, to, Optional.ofNullable(message), out));
    return out;
  }

  private ScheduledTask task(String id) {
    return storage.read(s -> s.taskStore().fetchTask(id)).orElseThrow();
  }

  private List<ScheduledTask> tasks(ScheduleStatus... statuses) {
    return storage.read(s -> s.taskStore().fetchTasks(statuses.length == 0
        ? TaskQueries.all().build()
        : TaskQueries.byStatuses(statuses[0], statuses).build()));
  }

  private ScheduledTask single(ScheduleStatus... statuses) {
    List<ScheduledTask> found = tasks(statuses);
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
