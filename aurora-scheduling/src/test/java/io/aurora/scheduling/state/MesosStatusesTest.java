package io.aurora.scheduling.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ScheduleStatus;
import java.util.EnumMap;
import java.util.Map;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.Test;

class MesosStatusesTest {

  @Test
  void everyMesosState_mapsAsAuroraDoes() {
    Map<TaskState, ScheduleStatus> want = new EnumMap<>(TaskState.class);
    want.put(TaskState.TASK_STAGING, ScheduleStatus.STARTING);
    want.put(TaskState.TASK_STARTING, ScheduleStatus.STARTING);
    want.put(TaskState.TASK_RUNNING, ScheduleStatus.RUNNING);
    want.put(TaskState.TASK_FINISHED, ScheduleStatus.FINISHED);
    want.put(TaskState.TASK_FAILED, ScheduleStatus.FAILED);
    want.put(TaskState.TASK_KILLED, ScheduleStatus.KILLED);
    want.put(TaskState.TASK_KILLING, ScheduleStatus.KILLED);
    want.put(TaskState.TASK_LOST, ScheduleStatus.LOST);
    want.put(TaskState.TASK_ERROR, ScheduleStatus.LOST);
    want.put(TaskState.TASK_DROPPED, ScheduleStatus.LOST);
    want.put(TaskState.TASK_GONE, ScheduleStatus.LOST);
    want.put(TaskState.TASK_GONE_BY_OPERATOR, ScheduleStatus.LOST);
    want.put(TaskState.TASK_UNREACHABLE, ScheduleStatus.PARTITIONED);
    want.put(TaskState.TASK_UNKNOWN, ScheduleStatus.PARTITIONED);
    assertThat(want.keySet()).containsExactlyInAnyOrder(TaskState.values());
    want.forEach((mesos, aurora) ->
        assertThat(MesosStatuses.toSchedule(mesos)).as("%s", mesos).isEqualTo(aurora));
  }

  @Test
  void limitReasons_getAFriendlyMessage_othersKeepTheirOwn() {
    assertThat(MesosStatuses.message(status(TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY,
        "oom"))).contains(MesosStatuses.MEMORY_LIMIT_MESSAGE);
    assertThat(MesosStatuses.message(status(TaskStatus.Reason.REASON_CONTAINER_LIMITATION_DISK,
        "du"))).contains(MesosStatuses.DISK_LIMIT_MESSAGE);
    assertThat(MesosStatuses.message(status(TaskStatus.Reason.REASON_COMMAND_EXECUTOR_FAILED,
        "exit 1"))).contains("exit 1");
    assertThat(MesosStatuses.message(status(null, ""))).isEmpty();
  }

  private static TaskStatus status(TaskStatus.Reason reason, String message) {
    TaskStatus.Builder b = TaskStatus.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue("t"))
        .setState(TaskState.TASK_FAILED)
        .setMessage(message);
    if (reason != null) {
      b.setReason(reason);
    }
    return b.build();
  }
}
