package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.scheduling.timer.TimerQueue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/** The scheduling runtime end to end on in-memory storage and the fake driver. */
class SchedulingRuntimeTest {
  private final SchedulerHarness h = new SchedulerHarness();

  private static TaskConfig web() {
    return Fixtures.config("www", "web", 0.5, 128, 10, "http");
  }

  @Test
  void pendingTasks_areAssignedManyPerOffer_thenRunning_andUpdatesAcknowledged() {
    List<String> ids = h.insertPending(web(), Set.of(0, 1, 2));
    h.offer("agent-1", 8, 8192);
    assertThat(h.loop.runOnce()).isEqualTo(3);

    List<Call> accepts = h.driver.calls(Call.Type.ACCEPT);
    assertThat(accepts).hasSize(1);
    List<TaskInfo> infos = accepts.get(0).getAccept().getOperations(0).getLaunch().getTaskInfosList();
    assertThat(infos).extracting(i -> i.getTaskId().getValue()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(h.ids(ScheduleStatus.ASSIGNED)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(h.offers.size()).isZero();

    for (String id : ids) {
      h.update(id, TaskState.TASK_STARTING);
      h.update(id, TaskState.TASK_RUNNING);
    }
    assertThat(h.ids(ScheduleStatus.RUNNING)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(h.driver.calls(Call.Type.ACKNOWLEDGE)).hasSize(6);
    ScheduledTask t = h.task(ids.get(0)).orElseThrow();
    assertThat(t.getAssignedTask().getSlaveHost()).isEqualTo("agent-1.example");
    assertThat(t.getAssignedTask().getAssignedPorts()).containsKey("http");
  }

  @Test
  void noFittingOffer_leavesTasksPending_withAReason() {
    h.insertPending(web(), Set.of(0));
    h.offer("tiny", 0.5, 8192);
    assertThat(h.loop.runOnce()).isZero();
    assertThat(h.loop.pendingReasons().values()).extracting(v -> v.reason())
        .containsExactly("Insufficient: cpus");
    assertThat(h.driver.calls(Call.Type.ACCEPT)).isEmpty();
  }

  @Test
  void failingTask_isRescheduled_thenThrottledForFlapping_thenPendingAfterPenalty() {
    TaskConfig config = web();
    String first = h.insertPending(config, Set.of(0)).get(0);
    h.offer("agent-1", 8, 8192);
    h.loop.runOnce();
    h.update(first, TaskState.TASK_RUNNING);
    h.advance(Duration.ofMinutes(10));
    h.update(first, TaskState.TASK_FAILED);
    // Ran 10 minutes: not flapping, so straight back to PENDING with the failure carried over.
    ScheduledTask second = h.tasks(ScheduleStatus.PENDING).get(0);
    assertThat(second.getAncestorId()).isEqualTo(first);
    assertThat(second.getFailureCount()).isEqualTo(1);

    h.offer("agent-2", 8, 8192);
    h.loop.runOnce();
    String secondId = second.getAssignedTask().getTaskId();
    h.update(secondId, TaskState.TASK_RUNNING);
    h.advance(Duration.ofSeconds(10));
    h.update(secondId, TaskState.TASK_FAILED);
    // Ran 10 seconds: flapped, so THROTTLED for the initial 30 s penalty.
    ScheduledTask third = h.tasks(ScheduleStatus.THROTTLED).get(0);
    assertThat(third.getAncestorId()).isEqualTo(secondId);
    assertThat(third.getTaskEvents().get(third.getTaskEvents().size() - 1).getMessage())
        .isEqualTo("Rescheduled, penalized for 30000 ms for flapping");
    h.advance(Duration.ofSeconds(29));
    assertThat(h.task(third.getAssignedTask().getTaskId()).orElseThrow().getStatus())
        .isEqualTo(ScheduleStatus.THROTTLED);
    h.advance(Duration.ofSeconds(1));
    assertThat(h.task(third.getAssignedTask().getTaskId()).orElseThrow().getStatus())
        .isEqualTo(ScheduleStatus.PENDING);
  }

  @Test
  void killingRunningTasks_sendsKills_retries_andEndsKilled() {
    List<String> ids = h.insertPending(web(), Set.of(0, 1));
    h.offer("agent-1", 8, 8192);
    h.loop.runOnce();
    ids.forEach(id -> h.update(id, TaskState.TASK_RUNNING));
    h.writer.write((s, changes) -> {
      ids.forEach(id -> h.stateManager.changeState(s, id, ScheduleStatus.KILLING,
          Optional.of("Killed by test"), changes));
      return null;
    });
    assertThat(h.driver.calls(Call.Type.KILL)).hasSize(2);
    h.advance(Duration.ofSeconds(15));
    assertThat(h.driver.calls(Call.Type.KILL)).hasSize(4);
    ids.forEach(id -> h.update(id, TaskState.TASK_KILLED));
    assertThat(h.ids(ScheduleStatus.KILLED)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(h.tasks(ScheduleStatus.PENDING)).isEmpty();
    h.advance(Duration.ofMinutes(1));
    assertThat(h.driver.calls(Call.Type.KILL)).hasSize(4);
  }

  @Test
  void taskStuckAssigned_becomesLostAfterTimeout_andIsReplaced() {
    String id = h.insertPending(web(), Set.of(0)).get(0);
    h.offer("agent-1", 8, 8192);
    h.loop.runOnce();
    h.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.ASSIGNED);
    h.advance(Duration.ofSeconds(1));
    ScheduledTask lost = h.task(id).orElseThrow();
    assertThat(lost.getStatus()).isEqualTo(ScheduleStatus.LOST);
    assertThat(lost.getTaskEvents().get(lost.getTaskEvents().size() - 1).getMessage())
        .isEqualTo("Task timed out");
    assertThat(h.tasks(ScheduleStatus.PENDING)).hasSize(1);
    assertThat(h.driver.calls(Call.Type.KILL)).hasSize(1);
  }

  @Test
  void runningUpdateForUnknownTask_killsIt() {
    h.update("ghost", TaskState.TASK_RUNNING);
    assertThat(h.stateManager.illegalTransitions()).isEqualTo(1);
    assertThat(h.driver.calls(Call.Type.KILL)).singleElement()
        .satisfies(c -> assertThat(c.getKill().getTaskId().getValue()).isEqualTo("ghost"));
  }

  @Test
  void statusUpdates_areAppliedInOneWritePerBatch() {
    List<String> ids = h.insertPending(web(), Set.of(0, 1, 2, 3));
    h.offer("agent-1", 8, 8192);
    h.loop.runOnce();
    java.util.List<Runnable> queued = new java.util.ArrayList<>();
    CountingStorage counting = new CountingStorage(h.storage);
    StatusUpdateBatcher batcher =
        new StatusUpdateBatcher(h.writerOn(counting), h.driver, queued::add, 1000);
    for (String id : ids) {
      batcher.add(org.apache.mesos.v1.Protos.TaskStatus.newBuilder()
          .setTaskId(org.apache.mesos.v1.Protos.TaskID.newBuilder().setValue(id))
          .setState(TaskState.TASK_RUNNING).build());
    }
    assertThat(queued).hasSize(1);
    queued.get(0).run();
    assertThat(counting.writes).isEqualTo(1);
    assertThat(h.ids(ScheduleStatus.RUNNING)).hasSize(4);
  }

  @Test
  void terminalTasks_arePrunedAfterTheThreshold() {
    TaskConfig batch = web().setIsService(false);
    List<String> ids = h.insertPending(batch, Set.of(0, 1));
    h.offer("agent-1", 8, 8192);
    h.loop.runOnce();
    ids.forEach(id -> h.update(id, TaskState.TASK_FINISHED));
    io.aurora.scheduling.pruning.TaskPruner pruner = new io.aurora.scheduling.pruning.TaskPruner(
        h.writer, h.clock, io.aurora.scheduling.pruning.PruneOptions.DEFAULTS);
    assertThat(pruner.pruneOnce()).isZero();
    h.clock.advance(Duration.ofDays(2));
    assertThat(pruner.pruneOnce()).isEqualTo(2);
    assertThat(h.tasks()).isEmpty();
  }

  @Test
  void afterFailover_recoveredTimersStillFire() {
    String id = h.insertPending(web(), Set.of(0)).get(0);
    h.offer("agent-1", 8, 8192);
    h.loop.runOnce();
    // A new scheduler on the same storage: its timers start empty and are recovered.
    TimerQueue fresh = new TimerQueue();
    TaskTimers recovered = new TaskTimers(h.writer, h.driver, h.clock, fresh,
        TimerOptions.DEFAULTS, new io.aurora.scheduling.state.RescheduleCalculator(
            io.aurora.scheduling.state.RescheduleOptions.DEFAULTS));
    recovered.recover();
    assertThat(fresh.size()).isEqualTo(1);
    h.clock.advance(Duration.ofMinutes(5));
    fresh.runDue(h.clock.instant());
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.LOST);
  }

  @Test
  void hostLimit_worksWithoutADeclaredHostAttribute() {
    TaskConfig spread = Fixtures.withLimit(web(), "host", 1);
    List<String> ids = h.insertPending(spread, Set.of(0, 1, 2));
    h.offer("agent-1", 8, 8192);
    h.offer("agent-2", 8, 8192);
    assertThat(h.loop.runOnce()).isEqualTo(2);
    assertThat(h.tasks(ScheduleStatus.ASSIGNED)).extracting(t -> t.getAssignedTask().getSlaveHost())
        .containsExactlyInAnyOrder("agent-1.example", "agent-2.example");
    assertThat(h.loop.pendingReasons().values()).extracting(v -> v.reason())
        .containsExactly("Limit not satisfied: host");
    assertThat(ids).hasSize(3);
  }

  @Test
  void failedStatusWrite_isNotAcknowledged() {
    String id = h.insertPending(web(), Set.of(0)).get(0);
    h.offer("agent-1", 8, 8192);
    h.loop.runOnce();
    io.aurora.storage.Storage failing = new io.aurora.storage.Storage() {
      @Override
      public <T, E extends Exception> T read(Work<T, E> work) throws E {
        return h.storage.read(work);
      }

      @Override
      public <T, E extends Exception> T write(MutateWork<T, E> work) {
        throw new io.aurora.storage.StorageException("log append failed");
      }
    };
    StatusUpdateBatcher batcher =
        new StatusUpdateBatcher(h.writerOn(failing), h.driver, Runnable::run, 10);
    batcher.add(SchedulerHarness.status(id, "agent-1", TaskState.TASK_RUNNING, "u1"));
    assertThat(h.driver.calls(Call.Type.ACKNOWLEDGE)).isEmpty();
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.ASSIGNED);
  }

  /** A task with a partition policy of {@code delaySecs}, placed, RUNNING, then unreachable. */
  private String runningTaskPartitioned(int delaySecs) {
    TaskConfig config = web().setPartitionPolicy(
        new io.aurora.gen.PartitionPolicy(true).setDelaySecs(delaySecs));
    String id = h.insertPending(config, Set.of(0)).get(0);
    h.offer("agent-1", 8, 8192);
    h.loop.runOnce();
    h.update(id, TaskState.TASK_RUNNING);
    h.update(id, TaskState.TASK_UNREACHABLE);
    return id;
  }

  @Test
  void partitionedTask_becomesLostAfterItsPolicyDelay() {
    String id = runningTaskPartitioned(60);
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.PARTITIONED);
    assertThat(h.task(id).orElseThrow().getTimesPartitioned()).isEqualTo(1);
    h.advance(Duration.ofSeconds(59));
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.PARTITIONED);
    h.advance(Duration.ofSeconds(1));
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.LOST);
    assertThat(h.tasks(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED)).hasSize(1);
  }

  @Test
  void partitionedAgain_waitsForItsNewerPartitionNotTheFirstTimer() {
    String id = runningTaskPartitioned(60);
    h.advance(Duration.ofSeconds(20));
    h.update(id, TaskState.TASK_RUNNING);
    h.advance(Duration.ofSeconds(20));
    h.update(id, TaskState.TASK_UNREACHABLE);
    // 60 s after the first partition: that timer fires but the task was partitioned again since.
    h.advance(Duration.ofSeconds(20));
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.PARTITIONED);
    assertThat(h.task(id).orElseThrow().getTimesPartitioned()).isEqualTo(2);
    h.advance(Duration.ofSeconds(40));
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.LOST);
  }

  @Test
  void afterFailover_partitionDelayCountsFromThePartitionEvent() {
    String id = runningTaskPartitioned(60);
    h.clock.advance(Duration.ofSeconds(45));
    TimerQueue fresh = new TimerQueue();
    TaskTimers recovered = new TaskTimers(h.writer, h.driver, h.clock, fresh,
        TimerOptions.DEFAULTS, new io.aurora.scheduling.state.RescheduleCalculator(
            io.aurora.scheduling.state.RescheduleOptions.DEFAULTS));
    recovered.recover();
    h.clock.advance(Duration.ofSeconds(14));
    fresh.runDue(h.clock.instant());
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.PARTITIONED);
    h.clock.advance(Duration.ofSeconds(1));
    fresh.runDue(h.clock.instant());
    assertThat(h.task(id).orElseThrow().getStatus()).isEqualTo(ScheduleStatus.LOST);
  }

  /** Counts write transactions. */
  static final class CountingStorage implements io.aurora.storage.Storage {
    private final io.aurora.storage.Storage delegate;
    int writes;

    CountingStorage(io.aurora.storage.Storage delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T, E extends Exception> T read(Work<T, E> work) throws E {
      return delegate.read(work);
    }

    @Override
    public <T, E extends Exception> T write(MutateWork<T, E> work) throws E {
      writes++;
      return delegate.write(work);
    }
  }
}
