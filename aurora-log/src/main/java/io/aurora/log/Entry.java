package io.aurora.log;

import java.util.Arrays;
import java.util.Objects;

/**
 * A learned entry: the bytes a writer appended, at the position the log chose for them.
 *
 * <p>{@link #data()} returns the entry's own array without a copy (entries can be large and are
 * read often); callers must not modify it.
 */
public record Entry(Position position, byte[] data) {
  public Entry {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(data, "data");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entry e && position.equals(e.position) && Arrays.equals(data, e.data);
  }

  @Override
  public int hashCode() {
    return 31 * position.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Entry{" + position + ", " + data.length + " bytes}";
  }
}
