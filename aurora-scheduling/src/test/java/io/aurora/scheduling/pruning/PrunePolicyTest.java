package io.aurora.scheduling.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunePolicyTest {
  private static final long HOUR = 3_600_000;
  private final PrunePolicy policy = new PrunePolicy(
      new PruneOptions(Duration.ofDays(2), Duration.ofHours(1), 3, Duration.ofMinutes(1)));

  private static ScheduledTask ended(String id, long at) {
    return new ScheduledTask().setStatus(ScheduleStatus.FINISHED)
        .setAssignedTask(new AssignedTask().setTaskId(id))
        .setTaskEvents(new ArrayList<>(List.of(new TaskEvent(at, ScheduleStatus.FINISHED))));
  }

  @Test
  void tasksOlderThanThePruneThreshold_goWhateverTheCount() {
    long now = 100 * HOUR;
    assertThat(policy.select(List.of(ended("old", now - 49 * HOUR), ended("new", now - HOUR)), now))
        .containsExactly("old");
  }

  @Test
  void overThePerJobCap_oldestGoFirst_butNotBeforeMinRetention() {
    long now = 100 * HOUR;
    List<ScheduledTask> tasks = List.of(
        ended("a", now - 5 * HOUR), ended("b", now - 4 * HOUR), ended("c", now - 3 * HOUR),
        ended("d", now - 10 * 60_000), ended("e", now - 5 * 60_000));
    // 5 tasks, cap 3: delete the two oldest (a, b), both past the 1 h minimum.
    assertThat(policy.select(tasks, now)).containsExactly("a", "b");
    // All recent: nothing may go yet, even over the cap.
    List<ScheduledTask> recent = List.of(ended("x", now - 1), ended("y", now - 2),
        ended("z", now - 3), ended("w", now - 4));
    assertThat(policy.select(recent, now)).isEmpty();
  }
}
