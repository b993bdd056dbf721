package io.aurora.scheduling.state;

import io.aurora.gen.ScheduleStatus;
import java.util.Optional;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/** Maps Mesos task states onto Aurora's (reference section 3, {@code Conversions}). */
public final class MesosStatuses {
  /** The event message of a task killed for using more memory than it asked for. */
  public static final String MEMORY_LIMIT_MESSAGE = "Task used more memory than requested.";
  /** The event message of a task killed for using more disk than it asked for. */
  public static final String DISK_LIMIT_MESSAGE = "Task used more disk than requested.";

  private MesosStatuses() {}

  /**
   * The task event message for a status update: a friendly explanation when the container was
   * killed for exceeding its memory or disk, else the update's own message, if it has one.
   */
  public static Optional<String> message(TaskStatus status) {
    if (status.hasReason()) {
      switch (status.getReason()) {
        case REASON_CONTAINER_LIMITATION_MEMORY:
          return Optional.of(MEMORY_LIMIT_MESSAGE);
        case REASON_CONTAINER_LIMITATION_DISK:
          return Optional.of(DISK_LIMIT_MESSAGE);
        default:
          break;
      }
    }
    return status.hasMessage() && !status.getMessage().isEmpty()
        ? Optional.of(status.getMessage()) : Optional.empty();
  }

  /** The Aurora status a Mesos state reports. */
  public static ScheduleStatus toSchedule(TaskState state) {
    switch (state) {
      case TASK_STAGING:
      case TASK_STARTING:
        return ScheduleStatus.STARTING;
      case TASK_RUNNING:
        return ScheduleStatus.RUNNING;
      case TASK_FINISHED:
        return ScheduleStatus.FINISHED;
      case TASK_FAILED:
        return ScheduleStatus.FAILED;
      case TASK_KILLED:
      case TASK_KILLING:
        return ScheduleStatus.KILLED;
      case TASK_UNREACHABLE:
      case TASK_UNKNOWN:
        return ScheduleStatus.PARTITIONED;
      case TASK_LOST:
      case TASK_ERROR:
      case TASK_DROPPED:
      case TASK_GONE:
      case TASK_GONE_BY_OPERATOR:
      default:
        return ScheduleStatus.LOST;
    }
  }
}
