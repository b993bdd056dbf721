package io.aurora.scheduling.runtime;

import io.aurora.scheduling.state.StateChanges;

/**
 * Acts on the results of a durable write: sends kills, arms timers. Called on the writer's thread
 * after {@code Storage.write} returned.
 */
@FunctionalInterface
public interface ChangeListener {
  /** Handles the kills and state changes of one committed write. */
  void afterCommit(StateChanges changes);
}
