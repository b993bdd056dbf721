package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.Test;

/** Aurora's status update, lost agent and lost executor counters. */
class StatusUpdateCountersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SchedulerHarness h = new SchedulerHarness();
  private final StatusUpdateBatcher batcher = new StatusUpdateBatcher(h.writer, h.driver,
      Runnable::run, 1000, 1, new StatusUpdateCounters(registry));
  private final SchedulerEvents events =
      new SchedulerEvents(h.writer, h.offers, batcher, () -> { }, () -> { }, () -> { },
          failed -> { });

  private double count(String name) {
    Counter counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  private static TaskStatus status(String taskId, TaskState state) {
    return SchedulerHarness.status(taskId, "agent-1", state, "0123456789abcdef");
  }

  @Test
  void appliedUpdates_areCountedByReasonAndResult_receivedOnesAll() {
    String id = h.insertPending(Fixtures.config("www", "web", 0.5, 128, 10, "http"), Set.of(0))
        .get(0);
    h.offer("agent-1", 8, 8192);
    assertThat(h.loop.runOnce()).isEqualTo(1);

    events.statusUpdate(status(id, TaskState.TASK_RUNNING));
    events.statusUpdate(status(id, TaskState.TASK_RUNNING).toBuilder()
        .setReason(TaskStatus.Reason.REASON_RECONCILIATION).build());
    events.statusUpdate(status(id, TaskState.TASK_STARTING));

    assertThat(count("scheduler_status_update")).isEqualTo(3);
    assertThat(count("status_update_NO_REASON_SUCCESS")).isEqualTo(1);
    assertThat(count("status_update_REASON_RECONCILIATION_NOOP")).isEqualTo(1);
    assertThat(count("status_update_NO_REASON_ILLEGAL")
        + count("status_update_NO_REASON_ILLEGAL_WITH_SIDE_EFFECTS")).isEqualTo(1);
  }

  @Test
  void agentFailure_countsALostAgent_executorFailure_aLostExecutorUnlessItExitedZero() {
    AgentID agent = AgentID.newBuilder().setValue("agent-1").build();
    ExecutorID executor = ExecutorID.newBuilder().setValue("thermos-1").build();
    events.failure(Optional.of(agent), Optional.empty(), OptionalInt.empty());
    events.failure(Optional.of(agent), Optional.of(executor), OptionalInt.of(0));
    events.failure(Optional.of(agent), Optional.of(executor), OptionalInt.of(137));

    assertThat(count("slaves_lost")).isEqualTo(1);
    assertThat(count("scheduler_lost_executors")).isEqualTo(1);
  }

  @Test
  void fixedCounters_areRegisteredAtZero_beforeAnyEvent() {
    assertThat(registry.find("scheduler_status_update").counter()).isNotNull();
    assertThat(registry.find("slaves_lost").counter()).isNotNull();
    assertThat(count("scheduler_lost_executors")).isZero();
  }
}
