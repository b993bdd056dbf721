package io.aurora.scheduling.state;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * Builds tasks: a new task for an instance (in INIT, before its first transition) and the
 * replacement of a task that ended, both in INIT for the state machine to move on. Pure: the id
 * is an argument.
 */
public final class Rescheduling {
  private Rescheduling() {}

  /**
   * The replacement of {@code ended}, in INIT with no events: a new id, the same instance and
   * config, the failure count carried over, {@code ancestorId} = the old id. The state machine
   * then moves it to {@link #replacementState} with {@link #replacementMessage}; INIT itself is
   * never entered by a transition and so, as in Aurora, leaves no event.
   */
  public static ScheduledTask replacement(ScheduledTask ended, String newId) {
    AssignedTask old = ended.getAssignedTask();
    AssignedTask assigned = new AssignedTask()
        .setTaskId(newId)
        .setTask(old.getTask().deepCopy())
        .setInstanceId(old.getInstanceId())
        .setAssignedPorts(new HashMap<>());
    return new ScheduledTask()
        .setAssignedTask(assigned)
        .setStatus(ScheduleStatus.INIT)
        .setFailureCount(ended.getFailureCount())
        .setTimesPartitioned(0)
        .setTaskEvents(new ArrayList<>())
        .setAncestorId(old.getTaskId());
  }

  /** Where a replacement goes: THROTTLED if penalised for flapping, else PENDING. */
  public static TaskState replacementState(long penaltyMs) {
    return penaltyMs > 0 ? TaskState.THROTTLED : TaskState.PENDING;
  }

  /** The event message of a replacement's first state. */
  public static String replacementMessage(long penaltyMs) {
    return penaltyMs > 0
        ? "Rescheduled, penalized for " + penaltyMs + " ms for flapping"
        : "Rescheduled";
  }

  /**
   * A brand-new task for an instance (createJob, addInstances), in INIT with no events: the state
   * machine's move to PENDING then sets its status and records its first event.
   */
  public static ScheduledTask newTask(TaskConfig config, int instanceId, String id) {
    return newTaskSharing(config.deepCopy(), instanceId, id);
  }

  /**
   * As {@link #newTask}, but the task holds {@code config} itself, not a copy: for the instances
   * of one job built together, which then share one config object.
   */
  public static ScheduledTask newTaskSharing(TaskConfig config, int instanceId, String id) {
    AssignedTask assigned = new AssignedTask()
        .setTaskId(id)
        .setTask(config)
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
