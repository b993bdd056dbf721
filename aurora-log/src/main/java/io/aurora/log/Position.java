package io.aurora.log;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.ByteBuffer;

/**
 * A position in the log. Positions start at 1 and increase by one per log action (appends, and also
 * the no-ops and truncations a writer writes), so positions of entries returned by a reader can have
 * gaps. {@code Position.of(0)} is the position "before the first entry".
 */
public record Position(long value) implements Comparable<Position> {
  /** The position before any entry: what {@link Reader#ending()} returns for an empty log. */
  public static final Position NONE = new Position(0);

  public Position {
    checkArgument(value >= 0, "position must be >= 0: %s", value);
  }

  public static Position of(long value) {
    return new Position(value);
  }

  /** The 8-byte big-endian form, as the Mesos log's {@code Position.identity()}. */
  public byte[] identity() {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  /** Parses {@link #identity()}. */
  public static Position fromIdentity(byte[] identity) {
    checkArgument(identity.length == Long.BYTES, "identity must be 8 bytes, got %s", identity.length);
    return new Position(ByteBuffer.wrap(identity).getLong());
  }

  public Position next() {
    return new Position(value + 1);
  }

  @Override
  public int compareTo(Position other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
