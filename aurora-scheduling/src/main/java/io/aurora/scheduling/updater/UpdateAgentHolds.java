package io.aurora.scheduling.updater;

import io.aurora.gen.JobKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Update affinity ({@code -enable_update_affinity}): when an update kills an instance's task to
 * replace it, the agent it ran on is held for the replacement for
 * {@code -update_affinity_reservation_hold_time}, so that the new task lands where the old one
 * ran (its data and images are there). While held, the scheduling loop places that instance's
 * new task only there and keeps other tasks off the agent. Holds live in memory only: after a
 * failover replacements go wherever they fit. Thread-safe.
 */
public final class UpdateAgentHolds {
  private record Instance(JobKey job, int instance) {}

  private record Hold(String agentId, long untilMs) {}

  private final UpdateOptions options;
  private final Map<Instance, Hold> holds = new ConcurrentHashMap<>();

  UpdateAgentHolds(UpdateOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Holds {@code agentId} for {@code job}'s {@code instance}, if affinity is on. */
  void hold(JobKey job, int instance, String agentId, long nowMs) {
    if (options.affinity() && !agentId.isEmpty()) {
      holds.put(new Instance(job, instance),
          new Hold(agentId, nowMs + options.affinityHoldTime().toMillis()));
    }
  }

  /** The agent held for {@code job}'s {@code instance} at {@code nowMs}, if any. */
  public Optional<String> heldFor(JobKey job, int instance, long nowMs) {
    Instance key = new Instance(job, instance);
    Hold hold = holds.get(key);
    if (hold == null) {
      return Optional.empty();
    }
    if (nowMs >= hold.untilMs()) {
      holds.remove(key, hold);
      return Optional.empty();
    }
    return Optional.of(hold.agentId());
  }

  /** Whether {@code agentId} is held at {@code nowMs} for an instance other than the given one. */
  public boolean isHeldForOther(String agentId, JobKey job, int instance, long nowMs) {
    for (Map.Entry<Instance, Hold> e : holds.entrySet()) {
      Hold hold = e.getValue();
      if (hold.agentId().equals(agentId) && nowMs < hold.untilMs()
          && !e.getKey().equals(new Instance(job, instance))) {
        return true;
      }
    }
    return false;
  }

  /** Releases the hold of an instance whose replacement was placed. */
  public void release(JobKey job, int instance) {
    holds.remove(new Instance(job, instance));
  }

  /** Whether any agent is held (lets the scheduling loop skip the checks). */
  public boolean isEmpty() {
    return holds.isEmpty();
  }
}
