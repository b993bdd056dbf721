package io.aurora.server.localmesos;

import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;

/**
 * An agent of the embedded master. It reports every task state change through the
 * {@link StatusSink} it was built with, each update carrying a fresh uuid like a real agent's.
 * Methods are called under the master's lock and must not call back into the master directly.
 */
interface Agent {

  /** Id, hostname, total resources and attributes. */
  AgentInfo info();

  /** Starts a task; STARTING, RUNNING and a terminal update follow through the sink. */
  void launch(FrameworkID frameworkId, TaskInfo task);

  /** Kills a task; a KILLED update follows (nothing if the task is unknown or already done). */
  void kill(FrameworkID frameworkId, TaskID taskId);

  /** Kills every task and waits (briefly) until their processes are gone. */
  void shutdown();

  /** Where agents send task status updates. */
  interface StatusSink {
    void update(FrameworkID frameworkId, org.apache.mesos.v1.Protos.TaskStatus status);
  }
}
