package io.aurora.log.core;

import java.util.Objects;

/** A local request to write {@code value} (an append or a truncation), answered by an {@link Outcome}. */
public record WriteRequest(long requestId, Value value) {
  public WriteRequest {
    Objects.requireNonNull(value, "value");
  }
}
