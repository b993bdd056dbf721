package io.aurora.scheduling.preemptor;

import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.preempt.PreemptionSlot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /** Takes up to {@code max} of {@code group}'s live slots, oldest first, dropping expired ones. */
  synchronized List<PreemptionSlot> take(TaskConfig group, int max, long nowMs) {
    if (byGroup.isEmpty()) {
      return List.of();
    }
    Deque<Held> q = byGroup.get(group);
    List<PreemptionSlot> taken = new ArrayList<>();
    while (q != null && !q.isEmpty() && taken.size() < max) {
      Held h = q.poll();
      if (nowMs < h.untilMs()) {
        taken.add(h.slot());
      }
    }
    if (q != null && q.isEmpty()) {
      byGroup.remove(group);
    }
    return taken;
  }

  /** Whether no slot is held at all. */
  synchronized boolean isEmpty() {
    return byGroup.isEmpty();
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
