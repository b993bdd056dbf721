package io.aurora.server.localmesos;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.UUID;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/** Builds the status updates the embedded master and its agents send. */
final class TaskStatuses {
  private TaskStatuses() {}

  /** An agent-generated update: carries a uuid, so the scheduler must acknowledge it. */
  static TaskStatus fromAgent(
      AgentID agentId, TaskID taskId, TaskState state, String message, Clock clock) {
    UUID uuid = UUID.randomUUID();
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    TaskStatus.Builder status = TaskStatus.newBuilder()
        .setTaskId(taskId)
        .setAgentId(agentId)
        .setState(state)
        .setSource(TaskStatus.Source.SOURCE_EXECUTOR)
        .setTimestamp(clock.millis() / 1000.0)
        .setUuid(ByteString.copyFrom(bytes.array()));
    if (!message.isEmpty()) {
      status.setMessage(message);
    }
    return status.build();
  }

  /** A master-generated update (reconciliation, invalid offers): no uuid, never acknowledged. */
  static TaskStatus fromMaster(TaskID taskId, AgentID agentId, TaskState state,
      TaskStatus.Reason reason, String message, Clock clock) {
    TaskStatus.Builder status = TaskStatus.newBuilder()
        .setTaskId(taskId)
        .setState(state)
        .setSource(TaskStatus.Source.SOURCE_MASTER)
        .setReason(reason)
        .setTimestamp(clock.millis() / 1000.0);
    if (agentId != null) {
      status.setAgentId(agentId);
    }
    if (!message.isEmpty()) {
      status.setMessage(message);
    }
    return status.build();
  }

  static boolean isTerminal(TaskState state) {
    switch (state) {
      case TASK_FINISHED:
      case TASK_FAILED:
      case TASK_KILLED:
      case TASK_ERROR:
      case TASK_LOST:
      case TASK_DROPPED:
      case TASK_GONE:
      case TASK_GONE_BY_OPERATOR:
        return true;
      default:
        return false;
    }
  }
}
