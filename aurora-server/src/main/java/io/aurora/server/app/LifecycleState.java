package io.aurora.server.app;

/** Aurora's scheduler lifecycle states, exported as {@code scheduler_lifecycle_<STATE>} gauges. */
public enum LifecycleState {
  /** Constructed, nothing started. */
  IDLE,
  /** Replica open, HTTP serving, storage recovering from the log. */
  PREPARING_STORAGE,
  /** Storage recovered and following the log (hot standby); in the leader election. */
  STORAGE_PREPARED,
  /** Elected: log writer, catching up, subscribing to Mesos. */
  LEADER_AWAITING_REGISTRATION,
  /** Subscribed, reconciled, scheduling, announced in the serverset. */
  ACTIVE,
  /** Stopped; the process exits. */
  DEAD
}
