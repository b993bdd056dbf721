package io.aurora.log.core;

/**
 * A replica's voting status. Only VOTING replicas answer promises and writes: a replica whose
 * directory is empty (new, or lost) must not vote before it has recovered what a quorum knows,
 * because a vote that forgot an earlier vote can let two values win one position.
 */
public enum Status {
  /** No directory yet, or a lost one. Asks the others whether to bootstrap or recover. */
  EMPTY,
  /** Every known replica was EMPTY: a brand-new log is being started (never voted). */
  STARTING,
  /** Copying the log from a quorum of VOTING replicas before voting. */
  RECOVERING,
  /** A full member: answers promises and writes. */
  VOTING
}
