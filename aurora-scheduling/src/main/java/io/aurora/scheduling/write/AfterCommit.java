package io.aurora.scheduling.write;

/**
 * What runs once a write is durable: the kills and state changes of that write, acted on (kills
 * sent to Mesos, timers armed, the scheduling loop woken). Called by {@link StateWriter} on the
 * writer's thread after {@code Storage.write} returned, never for a write that failed: Mesos must
 * never hear of a decision the log could still lose.
 */
@FunctionalInterface
public interface AfterCommit {
  /** Acts on the kills and state changes of one durable write. */
  void afterCommit(StateChanges changes);

  /** Does nothing (for writers whose changes need no follow-up, and for tests). */
  AfterCommit NOTHING = changes -> { };
}
