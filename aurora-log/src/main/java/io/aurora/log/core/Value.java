package io.aurora.log.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a log position holds: an append's bytes, a no-op (written by a new writer to fill a hole), or
 * a truncation of everything before {@code truncateBefore}.
 */
public record Value(Kind kind, byte[] data, long truncateBefore) {
  /** The three kinds of log action. */
  public enum Kind { NOOP, APPEND, TRUNCATE }

  private static final byte[] NONE = new byte[0];
  private static final Value NOOP_VALUE = new Value(Kind.NOOP, NONE, 0);

  public Value {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(data, "data");
  }

  public static Value noop() {
    return NOOP_VALUE;
  }

  /** An append of {@code data}, which the value keeps without copying. */
  public static Value append(byte[] data) {
    return new Value(Kind.APPEND, data, 0);
  }

  public static Value truncate(long before) {
    return new Value(Kind.TRUNCATE, NONE, before);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Value v && kind == v.kind && truncateBefore == v.truncateBefore
        && Arrays.equals(data, v.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, truncateBefore, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NOOP -> "noop";
      case APPEND -> "append(" + data.length + "b:" + Arrays.hashCode(data) + ")";
      case TRUNCATE -> "truncate(<" + truncateBefore + ")";
    };
  }
}
