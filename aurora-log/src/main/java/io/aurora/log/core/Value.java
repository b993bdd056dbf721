package io.aurora.log.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a log position holds: an append's bytes, a no-op (written by a new writer to fill a hole), or
 * a truncation of everything before {@code truncateBefore}.
 *
 * <p>{@link Kind#EVICTED} is no log action: it stands for a learned value the core no longer keeps
 * in memory (see {@link CoreConfig#learnedValuesInMemory()}), in a catch-up response the runtime
 * completes from storage ({@link EvictedSlots}) before it leaves. It is never stored or sent.
 */
public record Value(Kind kind, byte[] data, long truncateBefore) {
  /** The three kinds of log action, and the placeholder of an evicted learned value. */
  public enum Kind { NOOP, APPEND, TRUNCATE, EVICTED }

  private static final byte[] NONE = new byte[0];
  private static final Value NOOP_VALUE = new Value(Kind.NOOP, NONE, 0);
  private static final Value EVICTED_VALUE = new Value(Kind.EVICTED, NONE, 0);

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

  /** The placeholder of a learned value that only storage holds now. */
  public static Value evicted() {
    return EVICTED_VALUE;
  }

  /** True for the placeholder of {@link #evicted()}, which no log position ever holds. */
  public boolean isEvicted() {
    return kind == Kind.EVICTED;
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
      case EVICTED -> "evicted";
    };
  }
}
