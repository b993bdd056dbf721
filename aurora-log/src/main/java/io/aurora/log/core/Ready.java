package io.aurora.log.core;

import java.util.List;

/**
 * What the core asks the runtime to do, strictly in this order: write {@code toPersist} and, if
 * {@code sync}, fsync; then send {@code toSend}, then deliver {@code learned} to readers and
 * {@code outcomes} to callers. Replies sent before the fsync could let a promise or vote be
 * forgotten after a crash, and two values could then win one position. Requests (prepare, accept,
 * commit, catch-up and status requests) promise nothing and may leave before the fsync.
 *
 * <p>{@code sync} is false when the records only move the learned mark in the metadata: that mark
 * can be forgotten in a crash without harm (it is learned again), so the runtime writes such
 * records but leaves them for the next fsync, which covers them because the storage keeps the
 * order of writes. This keeps an extra fsync off the path of every acknowledged append.
 *
 * @param sync whether {@code toPersist} must be fsynced before anything else happens
 */
public record Ready(List<LogRecord> toPersist, boolean sync, List<Envelope> toSend,
    List<Learned> learned, List<Outcome> outcomes) {
  public static final Ready EMPTY = new Ready(List.of(), false, List.of(), List.of(), List.of());

  public Ready {
    toPersist = List.copyOf(toPersist);
    toSend = List.copyOf(toSend);
    learned = List.copyOf(learned);
    outcomes = List.copyOf(outcomes);
  }

  public boolean isEmpty() {
    return toPersist.isEmpty() && toSend.isEmpty() && learned.isEmpty() && outcomes.isEmpty();
  }
}
