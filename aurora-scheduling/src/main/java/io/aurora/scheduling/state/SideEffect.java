package io.aurora.scheduling.state;

/**
 * What a transition asks the state manager to do, in the order the manager must do it: the enum
 * order is Aurora's execution order.
 */
public enum SideEffect {
  /** Add one to the task's {@code failureCount}. */
  INCREMENT_FAILURES,
  /** Store the new status and append a {@code TaskEvent}. */
  SAVE_STATE,
  /** Insert a replacement task (new id, same instance and config, {@code ancestorId} set). */
  RESCHEDULE,
  /** Follow up with a transition to LOST (a partitioned task that must not wait). */
  TRANSITION_TO_LOST,
  /** Ask Mesos to kill the task. */
  KILL,
  /** Remove the task from the store. */
  DELETE
}
