package io.aurora.log.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.log.core.Message;
import io.aurora.log.core.ReplicaMetadata;
import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Status;
import io.aurora.log.core.Value;
import io.aurora.log.core.quorum.Ballot;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodecTest {
  private static final Ballot B = new Ballot(7, "127.0.0.1:1#inc");
  private static final List<Slot> SLOTS = List.of(
      new Slot(3, B, Value.append(new byte[] {1, 2, 3})),
      new Slot(4, B, Value.noop()),
      new Slot(5, Ballot.ZERO, Value.truncate(2)));

  private static List<Message> everyMessage() {
    return List.of(
        new Message.Prepare(B, 9),
        new Message.Promise(B, 2, 8, SLOTS, Set.of(ReplicaId.of("a:1"), ReplicaId.of("b:2"))),
        new Message.Reject(B, new Ballot(9, "x")),
        new Message.Accept(B, SLOTS, 4),
        new Message.Accept(B, SLOTS, 4, false),
        new Message.Accepted(B, List.of(3L, 4L, 5L)),
        new Message.Commit(B, 12),
        new Message.CatchupRequest(1, 100),
        new Message.CatchupResponse(1, 50, SLOTS),
        new Message.StatusRequest(),
        new Message.StatusResponse(Status.RECOVERING, 1, 40, 30, B));
  }

  @Test
  void everyMessage_roundTrips() {
    for (Message m : everyMessage()) {
      assertThat(MessageCodec.decode(MessageCodec.encode(m))).isEqualTo(m);
    }
  }

  @Test
  void slotsAndMetadata_roundTrip() {
    for (Slot s : SLOTS) {
      assertThat(RecordCodec.decodeSlot(RecordCodec.encodeSlot(s))).isEqualTo(s);
    }
    ReplicaMetadata m = new ReplicaMetadata(Status.VOTING, "inc", B, 3, 99, 0, Set.of(ReplicaId.of("a:1")));
    assertThat(RecordCodec.decodeMetadata(RecordCodec.encodeMetadata(m))).isEqualTo(m);
  }

  @Test
  void truncatedOrGarbageInput_failsWithIllegalArgument_neverSomethingElse() {
    Random random = new Random(42);
    for (Message m : everyMessage()) {
      byte[] bytes = MessageCodec.encode(m);
      for (int cut = 0; cut < bytes.length; cut++) {
        byte[] prefix = Arrays.copyOf(bytes, cut);
        assertThatThrownBy(() -> MessageCodec.decode(prefix))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
    for (int i = 0; i < 2000; i++) {
      byte[] junk = new byte[random.nextInt(64)];
      random.nextBytes(junk);
      try {
        MessageCodec.decode(junk);
      } catch (IllegalArgumentException expected) {
        // fine: rejected
      }
    }
  }
}
