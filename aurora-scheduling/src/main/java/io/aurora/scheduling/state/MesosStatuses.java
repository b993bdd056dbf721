package io.aurora.scheduling.state;

import io.aurora.gen.ScheduleStatus;
import org.apache.mesos.v1.Protos.TaskState;

/** Maps Mesos task states onto Aurora's (reference section 3, {@code Conversions}). */
public final class MesosStatuses {
  private MesosStatuses() {}

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
