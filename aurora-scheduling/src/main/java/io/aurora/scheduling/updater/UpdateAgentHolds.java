package io.aurora.scheduling.updater;

import io.aurora.gen.JobKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Update affinity ({@code -enable_update_affinity}): when an update kills an instance's task to
 * replace it with one that fits where it ran (no more resources, the same constraints), the agent
 * is held for the replacement for {@code -update_affinity_reservation_hold_time}, so that the new
 * task lands where the old one ran (its data and images are there). While held, the scheduling
 * loop places that instance's new task only there and keeps every other task off the agent
 * ({@link #snapshot}). A hold ends when the replacement is placed ({@link #release}) or its time
 * is up. Holds live in memory only: after a failover replacements go wherever they fit.
 * Thread-safe.
 */
public final class UpdateAgentHolds {
  /** An instance of a job. */
  public record Instance(JobKey job, int instance) {
    public Instance {
      Objects.requireNonNull(job, "job");
    }
  }

  private record Hold(String agentId, long untilMs) {}

  /** The holds in force at one time, for one scheduling round. */
  public static final class Snapshot {
    private final Map<Instance, String> agentOf;
    private final Map<String, Instance> holderOf;

    private Snapshot(Map<Instance, String> agentOf) {
      this.agentOf = agentOf;
      this.holderOf = new HashMap<>();
      agentOf.forEach((instance, agent) -> holderOf.put(agent, instance));
    }

    /** The agent held for {@code job}'s {@code instance}, if any. */
    public Optional<String> agentFor(JobKey job, int instance) {
      return agentOf.isEmpty() ? Optional.empty()
          : Optional.ofNullable(agentOf.get(new Instance(job, instance)));
    }

    /** Whether {@code agentId} is held for some instance. */
    public boolean isHeld(String agentId) {
      return holderOf.containsKey(agentId);
    }

    /** Whether nothing is held. */
    public boolean isEmpty() {
      return agentOf.isEmpty();
    }
  }

  private final boolean enabled;
  private final long holdMs;
  private final Map<Instance, Hold> holds = new ConcurrentHashMap<>();

  UpdateAgentHolds(UpdateOptions options) {
    this.enabled = options.affinity();
    this.holdMs = options.affinityHoldTime().toMillis();
  }

  /** Holds that never hold anything (update affinity off). */
  public static UpdateAgentHolds disabled() {
    return new UpdateAgentHolds(UpdateOptions.DEFAULTS);
  }

  /** Holds {@code agentId} for {@code job}'s {@code instance} from {@code nowMs}, if enabled. */
  void hold(JobKey job, int instance, String agentId, long nowMs) {
    if (enabled && !agentId.isEmpty()) {
      holds.put(new Instance(job, instance), new Hold(agentId, nowMs + holdMs));
    }
  }

  /**
   * Holds {@code agentId} for {@code job}'s {@code instance} until {@code untilMs}, whether or not
   * update affinity is on: the preemptor holds the agent it freed for the task it freed it for
   * ({@code -offer_reservation_duration}).
   */
  public void reserve(JobKey job, int instance, String agentId, long untilMs) {
    if (!agentId.isEmpty()) {
      holds.put(new Instance(job, instance), new Hold(agentId, untilMs));
    }
  }

  /** The holds in force at {@code nowMs}; expired ones are dropped. */
  public Snapshot snapshot(long nowMs) {
    if (holds.isEmpty()) {
      return new Snapshot(Map.of());
    }
    Map<Instance, String> live = new HashMap<>();
    holds.forEach((instance, hold) -> {
      if (nowMs < hold.untilMs()) {
        live.put(instance, hold.agentId());
      } else {
        holds.remove(instance, hold);
      }
    });
    return new Snapshot(live);
  }

  /** Ends the hold of an instance whose replacement was placed. */
  public void release(JobKey job, int instance) {
    holds.remove(new Instance(job, instance));
  }
}
