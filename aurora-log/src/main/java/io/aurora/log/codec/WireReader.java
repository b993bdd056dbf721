package io.aurora.log.codec;

import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Value;
import io.aurora.log.core.quorum.Ballot;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link WireWriter} wrote; malformed input fails with IllegalArgumentException. */
final class WireReader {
  private final ByteBuffer buf;

  WireReader(byte[] bytes) {
    buf = ByteBuffer.wrap(bytes);
  }

  int u8() {
    return get(() -> buf.get() & 0xff);
  }

  int i32() {
    return get(buf::getInt);
  }

  long i64() {
    return get(buf::getLong);
  }

  byte[] bytes() {
    int n = i32();
    if (n < 0 || n > buf.remaining()) {
      throw new IllegalArgumentException("bad length " + n + " with " + buf.remaining() + " left");
    }
    byte[] b = new byte[n];
    buf.get(b);
    return b;
  }

  String string() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  Ballot ballot() {
    long round = i64();
    return new Ballot(round, string());
  }

  ReplicaId replica() {
    return ReplicaId.of(string());
  }

  Value value() {
    int kind = u8();
    return switch (kind) {
      case 0 -> Value.noop();
      case 1 -> Value.append(bytes());
      case 2 -> Value.truncate(i64());
      default -> throw new IllegalArgumentException("unknown value kind " + kind);
    };
  }

  Slot slot() {
    long position = i64();
    Ballot b = ballot();
    return new Slot(position, b, value());
  }

  /** A list length, checked against what is left so that garbage cannot allocate gigabytes. */
  int count() {
    int n = i32();
    if (n < 0 || n > buf.remaining()) {
      throw new IllegalArgumentException("bad count " + n);
    }
    return n;
  }

  void expectEnd() {
    if (buf.hasRemaining()) {
      throw new IllegalArgumentException(buf.remaining() + " trailing bytes");
    }
  }

  private interface Read<T> {
    T read();
  }

  private <T> T get(Read<T> r) {
    try {
      return r.read();
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated input", e);
    }
  }
}
