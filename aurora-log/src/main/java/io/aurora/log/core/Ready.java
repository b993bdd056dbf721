package io.aurora.log.core;

import java.util.List;

/**
 * What the core asks the runtime to do, strictly in this order: persist {@code toPersist} and
 * fsync, then send {@code toSend}, then deliver {@code learned} to readers and {@code outcomes} to
 * callers. Sending before the fsync could let a promise or vote be forgotten after a crash, and two
 * values could then win one position.
 */
public record Ready(List<LogRecord> toPersist, List<Envelope> toSend, List<Learned> learned,
    List<Outcome> outcomes) {
  public static final Ready EMPTY = new Ready(List.of(), List.of(), List.of(), List.of());

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
