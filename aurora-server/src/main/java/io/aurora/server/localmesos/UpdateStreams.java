package io.aurora.server.localmesos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * Agents' status updates on their way to the frameworks, as a Mesos agent's update manager keeps
 * them: per task, only the head of its stream of unacknowledged updates is sent, and re-sent every
 * {@code retryInterval} until acknowledged; the next one goes out after the ack. A terminal
 * update frees the task's resources at once; its ack removes the task. Called with the master's
 * lock held.
 */
final class UpdateStreams {
  private final ResourceLedger book;
  private final Clock clock;
  private final Duration retryInterval;

  UpdateStreams(ResourceLedger book, Clock clock, Duration retryInterval) {
    this.book = book;
    this.clock = clock;
    this.retryInterval = retryInterval;
  }

  /** An agent reported {@code status} for one of {@code framework}'s tasks. */
  void agentUpdate(FrameworkState framework, TaskStatus status) {
    TaskRecord task = framework.tasks.get(status.getTaskId());
    if (task == null) {
      return;   // the framework was removed, and its tasks with it
    }
    task.state = status.getState();
    task.latest = status;
    if (task.isTerminal() && !task.resourcesFreed) {
      free(task);
    }
    task.unacknowledged.add(status);
    if (task.unacknowledged.size() == 1) {
      sendHead(framework, task);
    }
  }

  /** An ACKNOWLEDGE: pops the head update if the uuid matches, and sends the next one. */
  LocalMaster.Answer acknowledge(FrameworkState framework, Call.Acknowledge ack) {
    if (ack.getUuid().size() != 16) {
      return new LocalMaster.Answer(400, "Failed to validate scheduler::Call: Not a valid UUID");
    }
    TaskRecord task = framework.tasks.get(ack.getTaskId());
    if (task == null || task.unacknowledged.isEmpty()
        || !task.unacknowledged.peek().getUuid().equals(ack.getUuid())) {
      return LocalMaster.Answer.ACCEPTED;   // a duplicate or stale ack: harmless, as with Mesos
    }
    task.unacknowledged.poll();
    if (!task.unacknowledged.isEmpty()) {
      sendHead(framework, task);
    } else if (task.isTerminal()) {
      framework.tasks.remove(task.id);
    }
    return LocalMaster.Answer.ACCEPTED;
  }

  /** Sends the task's oldest unacknowledged update, if its framework is connected. */
  void sendHead(FrameworkState framework, TaskRecord task) {
    TaskStatus head = task.unacknowledged.peek();
    if (head != null && framework.sink != null) {
      framework.sendUpdate(head);
      task.lastSent = clock.instant();
    }
  }

  /** Re-sends every head update not acknowledged within the retry interval. */
  void retryDue(Collection<FrameworkState> frameworks) {
    Instant due = clock.instant().minus(retryInterval);
    for (FrameworkState framework : frameworks) {
      for (TaskRecord task : framework.tasks.values()) {
        if (!task.unacknowledged.isEmpty() && !task.lastSent.isAfter(due)) {
          sendHead(framework, task);
        }
      }
    }
  }

  /** Returns an ended task's resources to its agent. */
  void free(TaskRecord task) {
    book.release(task.agentId, task.resources);
    task.resourcesFreed = true;
  }
}
