package io.aurora.scheduling.state;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Builds tasks: a new task for an instance (in INIT, before its first transition) and the
 * replacement of a task that ended. Pure: the id and time are arguments.
 */
public final class Rescheduling {
  private Rescheduling() {}

  /**
   * The replacement of {@code ended}: a new id, the same instance and config, the failure count
   * carried over, {@code ancestorId} = the old id; THROTTLED if penalised for flapping, else
   * PENDING. Its history is the one event of that state: the task starts in INIT, which is never
   * entered by a transition and so, as in Aurora, leaves no event.
   */
  public static ScheduledTask replacement(
      ScheduledTask ended, String newId, long penaltyMs, long nowMs, String schedulerHost) {
    AssignedTask old = ended.getAssignedTask();
    AssignedTask assigned = new AssignedTask()
        .setTaskId(newId)
        .setTask(old.getTask().deepCopy())
        .setInstanceId(old.getInstanceId())
        .setAssignedPorts(new HashMap<>());
    boolean throttled = penaltyMs > 0;
    ScheduleStatus status = throttled ? ScheduleStatus.THROTTLED : ScheduleStatus.PENDING;
    String message = throttled
        ? "Rescheduled, penalized for " + penaltyMs + " ms for flapping"
        : "Rescheduled";
    List<TaskEvent> events = new ArrayList<>();
    events.add(new TaskEvent(nowMs, status).setMessage(message).setScheduler(schedulerHost));
    return new ScheduledTask()
        .setAssignedTask(assigned)
        .setStatus(status)
        .setFailureCount(ended.getFailureCount())
        .setTimesPartitioned(0)
        .setTaskEvents(events)
        .setAncestorId(old.getTaskId());
  }

  /**
   * A brand-new task for an instance (createJob, addInstances), in INIT with no events: the state
   * machine's move to PENDING then sets its status and records its first event.
   */
  public static ScheduledTask newTask(TaskConfig config, int instanceId, String id) {
    AssignedTask assigned = new AssignedTask()
        .setTaskId(id)
        .setTask(config.deepCopy())
        .setInstanceId(instanceId)
        .setAssignedPorts(new HashMap<>());
    return new ScheduledTask()
        .setAssignedTask(assigned)
        .setStatus(ScheduleStatus.INIT)
        .setFailureCount(0)
        .setTimesPartitioned(0)
        .setTaskEvents(new ArrayList<>());
  }
}
