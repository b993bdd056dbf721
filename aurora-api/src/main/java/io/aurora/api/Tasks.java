package io.aurora.api;

import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.apiConstants;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Task status groups and small accessors for {@link ScheduledTask}s.
 *
 * <p>The sets mirror the constants of {@code api.thrift} (so the IDL stays the one definition) but,
 * unlike the generated {@link apiConstants} fields, cannot be modified by a careless caller.
 */
public final class Tasks {

  /** Not yet terminal: the task still occupies its instance of the job. */
  public static final Set<ScheduleStatus> ACTIVE_STATES = frozen(apiConstants.ACTIVE_STATES);

  /** Active and bound to an agent (ACTIVE minus PENDING and THROTTLED). */
  public static final Set<ScheduleStatus> SLAVE_ASSIGNED_STATES =
      frozen(apiConstants.SLAVE_ASSIGNED_STATES);

  /** The task has a live sandbox on its agent. */
  public static final Set<ScheduleStatus> LIVE_STATES = frozen(apiConstants.LIVE_STATES);

  /** The task is over and will not change again. */
  public static final Set<ScheduleStatus> TERMINAL_STATES = frozen(apiConstants.TERMINAL_STATES);

  private Tasks() {}

  /** Whether {@code status} is one of {@link #ACTIVE_STATES}. */
  public static boolean isActive(ScheduleStatus status) {
    return ACTIVE_STATES.contains(status);
  }

  /** Whether {@code status} is one of {@link #TERMINAL_STATES}. */
  public static boolean isTerminal(ScheduleStatus status) {
    return TERMINAL_STATES.contains(status);
  }

  /** The task's id. */
  public static String id(ScheduledTask task) {
    return task.getAssignedTask().getTaskId();
  }

  /** The key of the job the task belongs to. */
  public static JobKey jobKey(ScheduledTask task) {
    return task.getAssignedTask().getTask().getJob();
  }

  /** The task's instance id within its job. */
  public static int instanceId(ScheduledTask task) {
    return task.getAssignedTask().getInstanceId();
  }

  private static Set<ScheduleStatus> frozen(Collection<ScheduleStatus> statuses) {
    return Collections.unmodifiableSet(EnumSet.copyOf(statuses));
  }
}
