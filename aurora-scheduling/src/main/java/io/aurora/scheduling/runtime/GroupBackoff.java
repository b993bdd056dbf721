package io.aurora.scheduling.runtime;

import io.aurora.gen.TaskConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * When each pending task group (tasks of one config) may next be tried, as Aurora paces its task
 * groups: a group becomes due {@code -first_schedule_delay} after it went pending; an attempt that
 * placed nothing backs the group off by {@code -initial_schedule_penalty}, doubling after each
 * further empty attempt up to {@code -max_schedule_penalty}; an attempt that placed tasks makes the
 * rest due again after the first delay. On leader start every recovered group waits a random delay
 * in [0, {@code -max_reschedule_task_delay_on_startup}) first, so a failover does not try every
 * pending task at once. Pure: times are epoch milliseconds passed in. Not thread-safe.
 */
final class GroupBackoff {
  /** A group's pacing: due time and the penalty its next empty attempt adds. */
  private record State(long dueAtMs, long penaltyMs) {}

  private final long firstDelayMs;
  private final long initialPenaltyMs;
  private final long maxPenaltyMs;
  private final Map<TaskConfig, State> groups = new HashMap<>();

  GroupBackoff(Duration firstDelay, Duration initialPenalty, Duration maxPenalty) {
    this.firstDelayMs = firstDelay.toMillis();
    this.initialPenaltyMs = initialPenalty.toMillis();
    this.maxPenaltyMs = maxPenalty.toMillis();
  }

  /**
   * Whether {@code group}, pending since {@code pendingSinceMs}, may be tried at {@code nowMs}.
   * A group seen for the first time becomes due the first delay after it went pending.
   */
  boolean isDue(TaskConfig group, long pendingSinceMs, long nowMs) {
    return dueAtMs(group, pendingSinceMs) <= nowMs;
  }

  /** When {@code group} is due (see {@link #isDue}). */
  long dueAtMs(TaskConfig group, long pendingSinceMs) {
    return groups.computeIfAbsent(group,
        g -> new State(pendingSinceMs + firstDelayMs, initialPenaltyMs)).dueAtMs();
  }

  /** Records an attempt at {@code nowMs} that placed {@code placed} of the group's tasks. */
  void attempted(TaskConfig group, int placed, long nowMs) {
    State state = groups.get(group);
    long penalty = state == null ? initialPenaltyMs : state.penaltyMs();
    if (placed > 0) {
      groups.put(group, new State(nowMs + firstDelayMs, initialPenaltyMs));
    } else {
      groups.put(group, new State(nowMs + penalty, Math.min(maxPenaltyMs, penalty * 2)));
    }
  }

  /**
   * Delays each of {@code recovered} (the groups pending when this scheduler took the lead) by a
   * random time in [0, {@code maxDelay}) from {@code nowMs}.
   */
  void delayRecovered(Set<TaskConfig> recovered, Duration maxDelay, Random random, long nowMs) {
    Objects.requireNonNull(random, "random");
    long bound = maxDelay.toMillis();
    for (TaskConfig group : recovered) {
      long delay = bound <= 0 ? 0 : (long) (random.nextDouble() * bound);
      groups.put(group, new State(nowMs + delay, initialPenaltyMs));
    }
  }

  /** Forgets {@code group} (all its tasks were placed). */
  void forget(TaskConfig group) {
    groups.remove(group);
  }

  /** Forgets groups that are no longer pending. */
  void retain(Set<TaskConfig> pending) {
    groups.keySet().retainAll(pending);
  }

  /** The earliest due time of a tracked group after {@code nowMs}, if any. */
  OptionalLong nextDueAfter(long nowMs) {
    long next = Long.MAX_VALUE;
    for (State state : groups.values()) {
      if (state.dueAtMs() > nowMs) {
        next = Math.min(next, state.dueAtMs());
      }
    }
    return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
  }

  /** Groups tracked (for tests and gauges). */
  int size() {
    return groups.size();
  }
}
