package io.aurora.scheduling.update;

import io.aurora.api.Tasks;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import java.util.List;
import java.util.Objects;

/**
 * What the update evaluator needs of one task of an instance.
 *
 * @param taskId the task's id
 * @param config its config (compared with the config an instance should run)
 * @param status its current status
 * @param lastEventMs when it entered {@code status} (its latest event)
 * @param wasKilled whether it was ever KILLING: a task that was killed did not fail
 * @param agentId the agent it was placed on, or empty if not placed
 */
public record InstanceTask(String taskId, TaskConfig config, ScheduleStatus status,
    long lastEventMs, boolean wasKilled, String agentId) {

  public InstanceTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(agentId, "agentId");
  }

  /** The view of a stored task. */
  public static InstanceTask of(ScheduledTask task) {
    List<TaskEvent> events = task.isSetTaskEvents() ? task.getTaskEvents() : List.of();
    long last = events.isEmpty() ? 0 : events.get(events.size() - 1).getTimestamp();
    boolean killed = false;
    for (TaskEvent e : events) {
      killed |= e.getStatus() == ScheduleStatus.KILLING;
    }
    String agent = task.getAssignedTask().isSetSlaveId() ? task.getAssignedTask().getSlaveId() : "";
    return new InstanceTask(task.getAssignedTask().getTaskId(), task.getAssignedTask().getTask(),
        task.getStatus(), last, killed, agent);
  }

  /** Whether the task is active (not terminal). */
  public boolean isActive() {
    return Tasks.isActive(status);
  }
}
