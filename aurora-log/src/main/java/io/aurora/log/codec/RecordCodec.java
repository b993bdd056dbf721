package io.aurora.log.codec;

import io.aurora.log.core.ReplicaMetadata;
import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Status;
import java.util.HashSet;
import java.util.Set;

/** Encodes what a replica stores: a {@link Slot} per position and the {@link ReplicaMetadata} record. */
public final class RecordCodec {
  private static final int SLOT_VERSION = 1;
  private static final int METADATA_VERSION = 1;

  private RecordCodec() {}

  public static byte[] encodeSlot(Slot s) {
    int size = s.value().data().length + 64;
    return new WireWriter(size).u8(SLOT_VERSION).slot(s).toBytes();
  }

  public static Slot decodeSlot(byte[] bytes) {
    WireReader r = new WireReader(bytes);
    int v = r.u8();
    if (v != SLOT_VERSION) {
      throw new IllegalArgumentException("unknown slot record version " + v);
    }
    Slot s = r.slot();
    r.expectEnd();
    return s;
  }

  public static byte[] encodeMetadata(ReplicaMetadata m) {
    WireWriter w = new WireWriter(128).u8(METADATA_VERSION).u8(m.status().ordinal())
        .string(m.incarnation()).ballot(m.promised()).i64(m.begin()).i64(m.learnedUpTo())
        .i64(m.recoverTarget()).i32(m.voters().size());
    m.voters().forEach(w::replica);
    return w.toBytes();
  }

  public static ReplicaMetadata decodeMetadata(byte[] bytes) {
    WireReader r = new WireReader(bytes);
    int v = r.u8();
    if (v != METADATA_VERSION) {
      throw new IllegalArgumentException("unknown metadata record version " + v);
    }
    int status = r.u8();
    if (status >= Status.values().length) {
      throw new IllegalArgumentException("unknown status " + status);
    }
    String incarnation = r.string();
    var promised = r.ballot();
    long begin = r.i64();
    long learned = r.i64();
    long target = r.i64();
    int n = r.count();
    Set<ReplicaId> voters = new HashSet<>();
    for (int i = 0; i < n; i++) {
      voters.add(r.replica());
    }
    r.expectEnd();
    return new ReplicaMetadata(Status.values()[status], incarnation, promised, begin, learned, target,
        voters);
  }
}
