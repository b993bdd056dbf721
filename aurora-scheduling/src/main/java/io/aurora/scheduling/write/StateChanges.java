package io.aurora.scheduling.write;

import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the transitions of one write transaction leave to do once the write is durable: kills to
 * send to Mesos and the state changes to announce (timers, the scheduling loop). Collected by the
 * {@link StateManager}; not thread-safe (one per write).
 */
public final class StateChanges {

  /** A kill to send: the task and, if known, its agent. */
  public record Kill(String taskId, Optional<String> agentId) {
    public Kill {
      Objects.requireNonNull(taskId, "taskId");
      Objects.requireNonNull(agentId, "agentId");
    }
  }

  /**
   * A task that entered {@code status} (DELETED tasks have an empty status), with its job and
   * instance so that followers (the job updater) can tell whose task changed without a read.
   */
  public record Change(String taskId, Optional<ScheduleStatus> status, JobKey job, int instanceId) {
    public Change {
      Objects.requireNonNull(taskId, "taskId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(job, "job");
    }
  }

  private final List<Kill> kills = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();

  void kill(String taskId, Optional<String> agentId) {
    kills.add(new Kill(taskId, agentId));
  }

  void changed(String taskId, Optional<ScheduleStatus> status, JobKey job, int instanceId) {
    changes.add(new Change(taskId, status, job, instanceId));
  }

  /** Kills to send, in order. */
  public List<Kill> kills() {
    return List.copyOf(kills);
  }

  /** State changes, in order. */
  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** Whether nothing happened. */
  public boolean isEmpty() {
    return kills.isEmpty() && changes.isEmpty();
  }
}
