package io.aurora.log.core;

import java.util.Objects;

/** A position this replica learned, in order; readers see the appends among them. */
public record Learned(long position, Value value) {
  public Learned {
    Objects.requireNonNull(value, "value");
  }
}
