package io.aurora.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.FullyPopulated;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TasksTest {

  @Test
  void activeAndTerminal_partitionEveryStatusButInit() {
    Set<ScheduleStatus> union = EnumSet.copyOf(Tasks.ACTIVE_STATES);
    union.addAll(Tasks.TERMINAL_STATES);

    assertThat(EnumSet.copyOf(Tasks.ACTIVE_STATES)).doesNotContainAnyElementsOf(
        Tasks.TERMINAL_STATES);
    assertThat(union).isEqualTo(EnumSet.complementOf(EnumSet.of(ScheduleStatus.INIT)));
  }

  @Test
  void slaveAssigned_isActiveWithoutPendingAndThrottled() {
    Set<ScheduleStatus> expected = EnumSet.copyOf(Tasks.ACTIVE_STATES);
    expected.removeAll(EnumSet.of(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED));

    assertThat(Tasks.SLAVE_ASSIGNED_STATES).isEqualTo(expected);
  }

  @Test
  void live_isTheSandboxStates() {
    assertThat(Tasks.LIVE_STATES).containsExactlyInAnyOrder(ScheduleStatus.KILLING,
        ScheduleStatus.PREEMPTING, ScheduleStatus.RESTARTING, ScheduleStatus.DRAINING,
        ScheduleStatus.PARTITIONED, ScheduleStatus.RUNNING);
  }

  @Test
  void sets_cannotBeModified() {
    assertThatThrownBy(() -> Tasks.ACTIVE_STATES.add(ScheduleStatus.INIT))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void predicates() {
    assertThat(Tasks.isActive(ScheduleStatus.PARTITIONED)).isTrue();
    assertThat(Tasks.isActive(ScheduleStatus.LOST)).isFalse();
    assertThat(Tasks.isTerminal(ScheduleStatus.LOST)).isTrue();
    assertThat(Tasks.isTerminal(ScheduleStatus.INIT)).isFalse();
  }

  @Test
  void accessors_readTheNestedFields() {
    ScheduledTask task = FullyPopulated.scheduledTask();

    assertThat(Tasks.id(task)).isEqualTo(task.getAssignedTask().getTaskId());
    assertThat(Tasks.jobKey(task)).isEqualTo(FullyPopulated.jobKey());
    assertThat(Tasks.instanceId(task)).isZero();
  }
}
