package io.aurora.log.codec;

import io.aurora.log.core.Message;
import io.aurora.log.core.Message.Accept;
import io.aurora.log.core.Message.Accepted;
import io.aurora.log.core.Message.CatchupRequest;
import io.aurora.log.core.Message.CatchupResponse;
import io.aurora.log.core.Message.Commit;
import io.aurora.log.core.Message.Prepare;
import io.aurora.log.core.Message.Promise;
import io.aurora.log.core.Message.Reject;
import io.aurora.log.core.Message.StatusRequest;
import io.aurora.log.core.Message.StatusResponse;
import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Encodes {@link Message}s for the transport: a version byte, a type byte, then the fields. */
public final class MessageCodec {
  private static final int VERSION = 1;

  private MessageCodec() {}

  public static byte[] encode(Message m) {
    WireWriter w = new WireWriter(64);
    w.u8(VERSION);
    if (m instanceof Prepare p) {
      w.u8(1).ballot(p.ballot()).i64(p.from());
    } else if (m instanceof Promise p) {
      w.u8(2).ballot(p.ballot()).i64(p.begin()).i64(p.learnedUpTo());
      slots(w, p.accepted());
      w.i32(p.voters().size());
      p.voters().forEach(w::replica);
    } else if (m instanceof Reject r) {
      w.u8(3).ballot(r.ballot()).ballot(r.promised());
    } else if (m instanceof Accept a) {
      // A copy that asks for no vote has its own type, so type 4 means what it always meant.
      w.u8(a.vote() ? 4 : 11).ballot(a.ballot()).i64(a.commitUpTo());
      slots(w, a.slots());
    } else if (m instanceof Accepted a) {
      w.u8(5).ballot(a.ballot()).i32(a.positions().size());
      a.positions().forEach(w::i64);
    } else if (m instanceof Commit c) {
      w.u8(6).ballot(c.ballot()).i64(c.upTo());
    } else if (m instanceof CatchupRequest c) {
      w.u8(7).i64(c.from()).i64(c.to());
    } else if (m instanceof CatchupResponse c) {
      w.u8(8).i64(c.begin()).i64(c.learnedUpTo());
      slots(w, c.slots());
    } else if (m instanceof StatusRequest) {
      w.u8(9);
    } else if (m instanceof StatusResponse s) {
      w.u8(10).u8(s.status().ordinal()).i64(s.begin()).i64(s.end()).i64(s.learnedUpTo())
          .ballot(s.promised());
    } else {
      throw new IllegalArgumentException("unknown message " + m);
    }
    return w.toBytes();
  }

  /** @throws IllegalArgumentException if {@code bytes} is not a message this codec wrote */
  public static Message decode(byte[] bytes) {
    WireReader r = new WireReader(bytes);
    int version = r.u8();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown message version " + version);
    }
    int type = r.u8();
    Message m = switch (type) {
      case 1 -> new Prepare(r.ballot(), r.i64());
      case 2 -> {
        var ballot = r.ballot();
        long begin = r.i64();
        long learned = r.i64();
        List<Slot> slots = slots(r);
        int n = r.count();
        Set<ReplicaId> voters = new HashSet<>();
        for (int i = 0; i < n; i++) {
          voters.add(r.replica());
        }
        yield new Promise(ballot, begin, learned, slots, voters);
      }
      case 3 -> new Reject(r.ballot(), r.ballot());
      case 4, 11 -> {
        var ballot = r.ballot();
        long commit = r.i64();
        yield new Accept(ballot, slots(r), commit, type == 4);
      }
      case 5 -> {
        var ballot = r.ballot();
        int n = r.count();
        List<Long> positions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          positions.add(r.i64());
        }
        yield new Accepted(ballot, positions);
      }
      case 6 -> new Commit(r.ballot(), r.i64());
      case 7 -> new CatchupRequest(r.i64(), r.i64());
      case 8 -> {
        long begin = r.i64();
        long learned = r.i64();
        yield new CatchupResponse(begin, learned, slots(r));
      }
      case 9 -> new StatusRequest();
      case 10 -> {
        int status = r.u8();
        if (status >= Status.values().length) {
          throw new IllegalArgumentException("unknown status " + status);
        }
        yield new StatusResponse(Status.values()[status], r.i64(), r.i64(), r.i64(), r.ballot());
      }
      default -> throw new IllegalArgumentException("unknown message type " + type);
    };
    r.expectEnd();
    return m;
  }

  private static void slots(WireWriter w, List<Slot> slots) {
    w.i32(slots.size());
    slots.forEach(w::slot);
  }

  private static List<Slot> slots(WireReader r) {
    int n = r.count();
    List<Slot> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(r.slot());
    }
    return out;
  }
}
