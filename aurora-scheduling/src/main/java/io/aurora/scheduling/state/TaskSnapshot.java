package io.aurora.scheduling.state;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import java.util.Objects;

/**
 * The facts about a task that the {@link TaskStateMachine} needs: a read-only view, so that the
 * pure machine never touches a mutable Thrift struct.
 *
 * @param state current state ({@link TaskState#DELETED} for an unknown task)
 * @param isService whether the task's config is a service (rescheduled after any end)
 * @param maxTaskFailures the config's failure budget ({@code -1} = unlimited)
 * @param failureCount failures so far, before this transition
 * @param everKilling whether the task's history has a KILLING event
 */
public record TaskSnapshot(
    TaskState state, boolean isService, int maxTaskFailures, int failureCount, boolean everKilling) {

  public TaskSnapshot {
    Objects.requireNonNull(state, "state");
  }

  /** The snapshot of a task id that is not in the store. */
  public static TaskSnapshot unknown() {
    return new TaskSnapshot(TaskState.DELETED, false, 0, 0, false);
  }

  /** The snapshot of a stored task. */
  public static TaskSnapshot of(ScheduledTask task) {
    TaskConfig config = task.getAssignedTask().getTask();
    boolean killing = false;
    if (task.isSetTaskEvents()) {
      for (TaskEvent event : task.getTaskEvents()) {
        killing |= event.getStatus() == ScheduleStatus.KILLING;
      }
    }
    return new TaskSnapshot(TaskState.of(task.getStatus()), config.isIsService(),
        config.getMaxTaskFailures(), task.getFailureCount(), killing);
  }
}
