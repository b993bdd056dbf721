package io.aurora.scheduling.state;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the history of a task that keeps losing and regaining its agent bounded.
 *
 * <p>A task on a flaky agent may go RUNNING → PARTITIONED → RUNNING → PARTITIONED … for as long as
 * it lives. When a PARTITIONED event is about to be appended to a history that ends with
 * {@code X, PARTITIONED, X}, the trailing {@code PARTITIONED, X} pair is dropped first, so the
 * history ends {@code X, PARTITIONED} again instead of growing by two events per cycle. What is
 * kept: the first {@code X} (when the task first entered that state, which the flapping check
 * reads) and the newest PARTITIONED event (whose time the partition timer compares against).
 * Every status the history held before is still in it, so "ever KILLING" and "ever RESTARTING"
 * facts survive compaction. The task's {@code timesPartitioned} counts every cycle. Pure.
 */
public final class PartitionCycles {
  private PartitionCycles() {}

  /** Whether appending a PARTITIONED event to {@code history} collapses a cycle. */
  public static boolean collapses(List<TaskEvent> history) {
    int n = history.size();
    if (n < 3) {
      return false;
    }
    ScheduleStatus last = history.get(n - 1).getStatus();
    return last != ScheduleStatus.PARTITIONED
        && history.get(n - 2).getStatus() == ScheduleStatus.PARTITIONED
        && history.get(n - 3).getStatus() == last;
  }

  /**
   * {@code history} with {@code partitioned} appended, after collapsing a trailing cycle if
   * {@link #collapses} says so. Returns a new list; the argument is not modified.
   *
   * @throws IllegalArgumentException if {@code partitioned} is not a PARTITIONED event
   */
  public static List<TaskEvent> append(List<TaskEvent> history, TaskEvent partitioned) {
    Objects.requireNonNull(partitioned, "partitioned");
    if (partitioned.getStatus() != ScheduleStatus.PARTITIONED) {
      throw new IllegalArgumentException("not a PARTITIONED event: " + partitioned);
    }
    List<TaskEvent> out = new ArrayList<>(history);
    if (collapses(history)) {
      out.subList(out.size() - 2, out.size()).clear();
    }
    out.add(partitioned);
    return out;
  }
}
