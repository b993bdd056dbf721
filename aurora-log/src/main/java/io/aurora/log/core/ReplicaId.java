package io.aurora.log.core;

import static com.google.common.base.Preconditions.checkArgument;

/** A replica's name: its replica address ({@code host:port}). */
public record ReplicaId(String value) implements Comparable<ReplicaId> {
  public ReplicaId {
    checkArgument(value != null && !value.isEmpty(), "replica id must be non-empty");
  }

  public static ReplicaId of(String value) {
    return new ReplicaId(value);
  }

  @Override
  public int compareTo(ReplicaId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
