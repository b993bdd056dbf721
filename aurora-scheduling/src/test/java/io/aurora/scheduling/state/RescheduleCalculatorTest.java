package io.aurora.scheduling.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RescheduleCalculatorTest {
  private static final long MIN = 60_000;

  private final RescheduleCalculator calculator = new RescheduleCalculator(RescheduleOptions.DEFAULTS);
  private final Map<String, ScheduledTask> store = new HashMap<>();

  @Test
  void shortRun_flapped_longRun_didNot() {
    assertThat(calculator.flapped(ended("a", null, 1 * MIN, ScheduleStatus.FAILED))).isTrue();
    assertThat(calculator.flapped(ended("b", null, 6 * MIN, ScheduleStatus.FAILED))).isFalse();
  }

  @Test
  void killedByScheduler_neverFlapped() {
    ScheduledTask task = ended("a", null, MIN, ScheduleStatus.KILLED);
    task.getTaskEvents().add(2, new TaskEvent(100, ScheduleStatus.KILLING));
    assertThat(calculator.flapped(task)).isFalse();
  }

  @Test
  void penalty_doublesPerFlappedAncestor_upToTheCap() {
    // chain t0 <- t1 <- ... <- t5, all flapped: 30s, 60s, 120s, 240s, 300s (cap), 300s.
    String parent = null;
    long[] expected = {30_000, 60_000, 120_000, 240_000, 300_000, 300_000};
    for (int i = 0; i < expected.length; i++) {
      ScheduledTask task = ended("t" + i, parent, MIN, ScheduleStatus.FAILED);
      store.put("t" + i, task);
      parent = "t" + i;
      assertThat(calculator.flappingPenaltyMs(task, id -> Optional.ofNullable(store.get(id))))
          .as("task %d", i).isEqualTo(expected[i]);
    }
  }

  @Test
  void penalty_stopsAtTheFirstStableAncestor() {
    store.put("old", ended("old", null, MIN, ScheduleStatus.FAILED));
    store.put("stable", ended("stable", "old", 60 * MIN, ScheduleStatus.FAILED));
    ScheduledTask latest = ended("latest", "stable", MIN, ScheduleStatus.FAILED);
    assertThat(calculator.flappingPenaltyMs(latest, id -> Optional.ofNullable(store.get(id))))
        .isEqualTo(30_000);
  }

  @Test
  void penalty_zeroWhenTheTaskDidNotFlap() {
    ScheduledTask stable = ended("s", null, 10 * MIN, ScheduleStatus.FINISHED);
    assertThat(calculator.flappingPenaltyMs(stable, id -> Optional.empty())).isZero();
  }

  @Test
  void replacement_carriesInstanceFailuresAndAncestor_andStartsInInit() {
    ScheduledTask old = ended("old", null, MIN, ScheduleStatus.FAILED).setFailureCount(2);
    ScheduledTask replacement = Rescheduling.replacement(old, "new");
    assertThat(replacement.getStatus()).isEqualTo(ScheduleStatus.INIT);
    assertThat(replacement.getAssignedTask().getTaskId()).isEqualTo("new");
    assertThat(replacement.getAncestorId()).isEqualTo("old");
    assertThat(replacement.getFailureCount()).isEqualTo(2);
    assertThat(replacement.getAssignedTask().getInstanceId()).isEqualTo(3);
    assertThat(replacement.getTaskEvents()).isEmpty();
    assertThat(Rescheduling.replacementState(30_000)).isEqualTo(TaskState.THROTTLED);
    assertThat(Rescheduling.replacementMessage(30_000))
        .isEqualTo("Rescheduled, penalized for 30000 ms for flapping");
    assertThat(Rescheduling.replacementState(0)).isEqualTo(TaskState.PENDING);
    assertThat(Rescheduling.replacementMessage(0)).isEqualTo("Rescheduled");
  }

  @Test
  void options_rejectInitialAboveMax() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RescheduleOptions(
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A task that ran (RUNNING at t=0) for {@code ranMs} then ended in {@code end}. */
  private static ScheduledTask ended(String id, String ancestor, long ranMs, ScheduleStatus end) {
    ScheduledTask task = new ScheduledTask()
        .setAssignedTask(new AssignedTask().setTaskId(id).setInstanceId(3).setTask(new TaskConfig()))
        .setStatus(end)
        .setTaskEvents(new java.util.ArrayList<>(List.of(
            new TaskEvent(-2, ScheduleStatus.PENDING),
            new TaskEvent(-1, ScheduleStatus.ASSIGNED),
            new TaskEvent(0, ScheduleStatus.RUNNING),
            new TaskEvent(ranMs, end))));
    if (ancestor != null) {
      task.setAncestorId(ancestor);
    }
    return task;
  }
}
