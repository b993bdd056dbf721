package io.aurora.scheduling.runtime;

import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.write.AfterCommit;
import io.aurora.scheduling.write.StateChanges;
import java.util.Objects;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.TaskID;

/**
 * The scheduler's actions once a write is durable, in this order: send the write's kills to Mesos,
 * arm the {@link TaskTimers} of the tasks that entered a timed state, and wake the scheduling loop
 * if a task became PENDING. Runs on the writer's thread (an API call, a scheduling round, a status
 * batch, a timer); none of the actions waits for storage.
 */
public final class AfterCommitActions implements AfterCommit {
  private final Driver driver;
  private final TaskTimers timers;
  private final Runnable onPending;

  /** @param onPending called after tasks became PENDING (to kick the scheduling loop) */
  public AfterCommitActions(Driver driver, TaskTimers timers, Runnable onPending) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.timers = Objects.requireNonNull(timers, "timers");
    this.onPending = Objects.requireNonNull(onPending, "onPending");
  }

  @Override
  public void afterCommit(StateChanges changes) {
    for (StateChanges.Kill kill : changes.kills()) {
      sendKill(driver, kill.taskId(), kill.agentId());
    }
    timers.arm(changes);
    boolean pending = false;
    for (StateChanges.Change change : changes.changes()) {
      pending |= change.status().equals(Optional.of(ScheduleStatus.PENDING));
    }
    if (pending) {
      onPending.run();
    }
  }

  /** Asks Mesos to kill a task, on {@code agentId} if known. */
  static void sendKill(Driver driver, String taskId, Optional<String> agentId) {
    driver.kill(TaskID.newBuilder().setValue(taskId).build(),
        agentId.map(a -> AgentID.newBuilder().setValue(a).build()));
  }
}
