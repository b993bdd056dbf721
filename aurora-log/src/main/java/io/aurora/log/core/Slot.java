package io.aurora.log.core;

import io.aurora.log.core.quorum.Ballot;
import java.util.Objects;

/** The value a replica accepted at a position, and under which ballot. */
public record Slot(long position, Ballot ballot, Value value) {
  public Slot {
    Objects.requireNonNull(ballot, "ballot");
    Objects.requireNonNull(value, "value");
  }
}
