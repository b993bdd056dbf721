package io.aurora.log.codec;

import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Value;
import io.aurora.log.core.quorum.Ballot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian buffer for the codecs. */
final class WireWriter {
  private ByteBuffer buf;

  WireWriter(int capacity) {
    buf = ByteBuffer.allocate(Math.max(16, capacity));
  }

  private void ensure(int n) {
    if (buf.remaining() < n) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n));
      buf.flip();
      bigger.put(buf);
      buf = bigger;
    }
  }

  WireWriter u8(int v) {
    ensure(1);
    buf.put((byte) v);
    return this;
  }

  WireWriter i32(int v) {
    ensure(4);
    buf.putInt(v);
    return this;
  }

  WireWriter i64(long v) {
    ensure(8);
    buf.putLong(v);
    return this;
  }

  WireWriter bytes(byte[] b) {
    i32(b.length);
    ensure(b.length);
    buf.put(b);
    return this;
  }

  WireWriter string(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  WireWriter ballot(Ballot b) {
    return i64(b.round()).string(b.proposer());
  }

  WireWriter replica(ReplicaId r) {
    return string(r.value());
  }

  WireWriter value(Value v) {
    if (v.isEvicted()) {
      // Only the core's catch-up responses hold it, and the runtime fills them before they leave.
      throw new IllegalStateException("an evicted value cannot be encoded");
    }
    u8(v.kind().ordinal());
    if (v.kind() == Value.Kind.APPEND) {
      bytes(v.data());
    } else if (v.kind() == Value.Kind.TRUNCATE) {
      i64(v.truncateBefore());
    }
    return this;
  }

  WireWriter slot(Slot s) {
    return i64(s.position()).ballot(s.ballot()).value(s.value());
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf.array(), buf.position());
  }
}
