package io.aurora.log.core;

import java.util.Objects;

/** A message between two replicas. */
public record Envelope(ReplicaId from, ReplicaId to, Message message) {
  public Envelope {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(message, "message");
  }
}
