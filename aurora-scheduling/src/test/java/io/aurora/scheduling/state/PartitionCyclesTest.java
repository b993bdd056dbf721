package io.aurora.scheduling.state;

import static io.aurora.gen.ScheduleStatus.ASSIGNED;
import static io.aurora.gen.ScheduleStatus.PARTITIONED;
import static io.aurora.gen.ScheduleStatus.PENDING;
import static io.aurora.gen.ScheduleStatus.RUNNING;
import static io.aurora.gen.ScheduleStatus.STARTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionCyclesTest {

  @Test
  void firstPartition_isAPlainAppend() {
    List<TaskEvent> history = events(PENDING, ASSIGNED, STARTING, RUNNING);
    assertThat(PartitionCycles.collapses(history)).isFalse();
    assertThat(statuses(PartitionCycles.append(history, event(99, PARTITIONED))))
        .containsExactly(PENDING, ASSIGNED, STARTING, RUNNING, PARTITIONED);
  }

  @Test
  void secondPartitionAfterReturningToTheSameState_collapsesTheCycle() {
    // RUNNING(3) PARTITIONED(4) RUNNING(5) + PARTITIONED(6) -> RUNNING(3) PARTITIONED(6)
    List<TaskEvent> history = events(PENDING, ASSIGNED, STARTING, RUNNING, PARTITIONED, RUNNING);
    assertThat(PartitionCycles.collapses(history)).isTrue();
    List<TaskEvent> out = PartitionCycles.append(history, event(6, PARTITIONED));
    assertThat(statuses(out)).containsExactly(PENDING, ASSIGNED, STARTING, RUNNING, PARTITIONED);
    assertThat(out.get(3).getTimestamp()).as("the first RUNNING is kept").isEqualTo(3);
    assertThat(out.get(4).getTimestamp()).as("the newest PARTITIONED is kept").isEqualTo(6);
    assertThat(history).as("argument untouched").hasSize(6);
  }

  @Test
  void returningToADifferentState_isNotACycle() {
    List<TaskEvent> history = events(ASSIGNED, STARTING, PARTITIONED, RUNNING);
    assertThat(PartitionCycles.collapses(history)).isFalse();
    assertThat(PartitionCycles.append(history, event(9, PARTITIONED))).hasSize(5);
  }

  @Test
  void manyCycles_keepTheHistoryBounded_withTheFirstRunningAndTheLastPartition() {
    List<TaskEvent> history = events(PENDING, ASSIGNED, STARTING, RUNNING);
    long t = 100;
    for (int cycle = 0; cycle < 1000; cycle++) {
      history = PartitionCycles.append(history, event(t++, PARTITIONED));
      history.add(event(t++, RUNNING));
      assertThat(history.size()).isLessThanOrEqualTo(7);
    }
    history = PartitionCycles.append(history, event(t, PARTITIONED));
    assertThat(statuses(history)).containsExactly(PENDING, ASSIGNED, STARTING, RUNNING, PARTITIONED);
    assertThat(history.get(3).getTimestamp()).isEqualTo(3);
    assertThat(history.get(4).getTimestamp()).isEqualTo(t);
  }

  @Test
  void append_rejectsOtherStatuses() {
    assertThatThrownBy(() -> PartitionCycles.append(List.of(), event(1, RUNNING)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Events with timestamps 0, 1, 2, ... */
  private static List<TaskEvent> events(ScheduleStatus... statuses) {
    List<TaskEvent> out = new ArrayList<>();
    for (ScheduleStatus s : statuses) {
      out.add(event(out.size(), s));
    }
    return out;
  }

  private static TaskEvent event(long ts, ScheduleStatus status) {
    return new TaskEvent(ts, status);
  }

  private static List<ScheduleStatus> statuses(List<TaskEvent> events) {
    return events.stream().map(TaskEvent::getStatus).toList();
  }
}
