package io.aurora.server.localmesos;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * The master's view of one task: its latest state and its stream of agent updates not yet
 * acknowledged. Like a Mesos agent, only the head of the stream is sent (and re-sent until
 * acknowledged); the next one goes out after the ack. Guarded by the master's lock.
 */
final class TaskRecord {
  final TaskID id;
  final AgentID agentId;
  final Resources resources;
  TaskState state = TaskState.TASK_STAGING;
  TaskStatus latest;
  boolean resourcesFreed;
  final Deque<TaskStatus> unacknowledged = new ArrayDeque<>();
  Instant lastSent = Instant.EPOCH;

  TaskRecord(TaskID id, AgentID agentId, Resources resources) {
    this.id = id;
    this.agentId = agentId;
    this.resources = resources;
  }

  boolean isTerminal() {
    return TaskStatuses.isTerminal(state);
  }
}
