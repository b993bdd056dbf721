package io.aurora.scheduling.state;

import io.aurora.gen.ScheduleStatus;
import java.util.Optional;

/**
 * Aurora's 15 task states plus {@link #DELETED}, the pseudo-state of a task that is not (or no
 * longer) in the store. Transitions are expressed in this type so that "delete" and "unknown task"
 * are ordinary states of the machine.
 */
public enum TaskState {
  INIT, THROTTLED, PENDING, ASSIGNED, STARTING, RUNNING, FINISHED, PREEMPTING, RESTARTING,
  DRAINING, FAILED, KILLED, KILLING, LOST, PARTITIONED,
  /** Not in the store. */
  DELETED;

  /** The state of a stored task with this status. */
  public static TaskState of(ScheduleStatus status) {
    return valueOf(status.name());
  }

  /** The Thrift status, or empty for {@link #DELETED}. */
  public Optional<ScheduleStatus> status() {
    return this == DELETED ? Optional.empty() : Optional.of(ScheduleStatus.valueOf(name()));
  }

  /** FINISHED, FAILED, KILLED or LOST. */
  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == KILLED || this == LOST;
  }
}
