package io.aurora.scheduling.preemptor;

import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.preempt.PreemptionSlot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The slots the search found, per pending group, each kept until {@code -preemption_slot_hold_time}
 * after it was found or until used. Thread-safe (the search adds, the scheduling loop takes);
 * every method is short, so one monitor is enough.
 */
final class HeldSlots {
  private record Held(PreemptionSlot slot, long untilMs) {}

  private final long holdMs;
  private final Map<TaskConfig, Deque<Held>> byGroup = new HashMap<>();

  HeldSlots(long holdMs) {
    this.holdMs = holdMs;
  }

  /** Holds {@code slot} for {@code group} from {@code nowMs}. */
  synchronized void add(TaskConfig group, PreemptionSlot slot, long nowMs) {
    byGroup.computeIfAbsent(group, k -> new ArrayDeque<>()).add(new Held(slot, nowMs + holdMs));
  }

  /** Takes the oldest live slot of {@code group}, dropping expired ones. */
  synchronized Optional<PreemptionSlot> take(TaskConfig group, long nowMs) {
    Deque<Held> q = byGroup.get(group);
    PreemptionSlot taken = null;
    while (q != null && !q.isEmpty() && taken == null) {
      Held h = q.poll();
      if (nowMs < h.untilMs()) {
        taken = h.slot();
      }
    }
    if (q != null && q.isEmpty()) {
      byGroup.remove(group);
    }
    return Optional.ofNullable(taken);
  }

  /** How many live slots {@code group} has at {@code nowMs}. */
  synchronized int count(TaskConfig group, long nowMs) {
    Deque<Held> q = byGroup.get(group);
    return q == null ? 0 : (int) q.stream().filter(h -> nowMs < h.untilMs()).count();
  }

  /** The agents of every live slot (the search does not offer them twice). */
  synchronized Set<String> agents(long nowMs) {
    Set<String> out = new HashSet<>();
    byGroup.values().forEach(q -> q.forEach(h -> {
      if (nowMs < h.untilMs()) {
        out.add(h.slot().agentId());
      }
    }));
    return out;
  }

  /** Drops the slots of groups no longer pending. */
  synchronized void retain(Set<TaskConfig> pending) {
    byGroup.keySet().retainAll(pending);
  }
}
