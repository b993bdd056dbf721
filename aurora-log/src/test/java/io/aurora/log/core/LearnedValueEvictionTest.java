package io.aurora.log.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.log.codec.MessageCodec;
import io.aurora.log.core.LogRecord.SlotWrite;
import io.aurora.log.core.LogRecord.TruncateBefore;
import io.aurora.log.core.Message.CatchupRequest;
import io.aurora.log.core.Message.CatchupResponse;
import io.aurora.log.core.quorum.Ballot;
import io.aurora.log.core.quorum.Quorum;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Learned values beyond the latest few leave the core's memory; storage serves them instead. */
class LearnedValueEvictionTest {
  private static final ReplicaId A = ReplicaId.of("a");
  private static final ReplicaId B = ReplicaId.of("b");
  private static final ReplicaId C = ReplicaId.of("c");
  private static final int IN_MEMORY = 4;

  /** Three cores with a disk each (every record, synced or not), filling evicted values as the runtime. */
  private static final class Disks {
    final Map<ReplicaId, ReplicaCore> cores = new LinkedHashMap<>();
    final Map<ReplicaId, TreeMap<Long, Slot>> disks = new HashMap<>();
    final ArrayDeque<Envelope> network = new ArrayDeque<>();
    final Set<ReplicaId> down = new HashSet<>();
    final List<Outcome> outcomes = new ArrayList<>();
    int filledResponses;

    Disks() {
      for (ReplicaId id : List.of(A, B, C)) {
        cores.put(id, new ReplicaCore(config(id), Optional.empty(), List.of(), "i0"));
        disks.put(id, new TreeMap<>());
      }
      run(10);
      take(A, cores.get(A).elect(1));
      run(3);
    }

    void take(ReplicaId who, Ready r) {
      TreeMap<Long, Slot> disk = disks.get(who);
      for (LogRecord rec : r.toPersist()) {
        if (rec instanceof SlotWrite w) {
          disk.put(w.slot().position(), w.slot());
        } else if (rec instanceof TruncateBefore t) {
          disk.headMap(t.position()).clear();
        }
      }
      for (Envelope e : r.toSend()) {
        Message m = EvictedSlots.fill(e.message(), p -> Optional.ofNullable(disk.get(p)));
        if (m != e.message()) {
          filledResponses++;
        }
        network.add(new Envelope(e.from(), e.to(), m));
      }
      outcomes.addAll(r.outcomes());
    }

    void run(int ticks) {
      for (int t = 0; t < ticks; t++) {
        cores.forEach((id, c) -> {
          if (!down.contains(id)) {
            take(id, c.tick());
          }
        });
        while (!network.isEmpty()) {
          Envelope e = network.poll();
          if (!down.contains(e.to()) && !down.contains(e.from())) {
            take(e.to(), cores.get(e.to()).step(e));
          }
        }
      }
    }

    void append(int count) {
      List<WriteRequest> batch = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        batch.add(Cluster.append(100 + outcomes.size() + i, "v" + i));
      }
      take(A, cores.get(A).write(batch));
      run(2);
    }
  }

  private static CoreConfig config(ReplicaId id) {
    return new CoreConfig(id, new Quorum(2), Set.of(A, B, C), 20, 20, 2, 16, IN_MEMORY);
  }

  @Test
  void onlyTheLatestLearnedValues_stayInMemory_everyValueStaysOnDisk() {
    Disks d = new Disks();
    for (int i = 0; i < 3; i++) {
      d.append(5);
    }
    for (ReplicaCore core : d.cores.values()) {
      assertThat(core.learnedUpTo()).isEqualTo(15);
      assertThat(core.learnedInMemoryFrom()).isEqualTo(12);
      assertThat(core.slots().keySet()).containsExactly(12L, 13L, 14L, 15L);
      assertThat(core.learnedValue(11)).isEmpty();
      assertThat(core.learnedValue(12)).isPresent();
      assertThat(d.disks.get(core.self()).keySet()).hasSize(15).contains(1L, 15L);
    }
  }

  @Test
  void catchupRequest_sendsPlaceholdersForEvictedPositions_thatStorageFills() {
    Disks d = new Disks();
    d.append(10);
    ReplicaCore b = d.cores.get(B);
    Ready r = b.step(new Envelope(C, B, new CatchupRequest(1, 10)));
    CatchupResponse raw = (CatchupResponse) r.toSend().get(0).message();
    assertThat(raw.slots()).extracting(Slot::position)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(raw.slots().subList(0, 6)).allMatch(s -> s.value().isEvicted());
    assertThat(raw.slots().subList(6, 10)).noneMatch(s -> s.value().isEvicted());
    assertThatThrownBy(() -> MessageCodec.encode(raw)).isInstanceOf(IllegalStateException.class);

    TreeMap<Long, Slot> disk = d.disks.get(B);
    CatchupResponse filled = (CatchupResponse) EvictedSlots.fill(raw,
        p -> Optional.ofNullable(disk.get(p)));
    assertThat(filled.slots()).containsExactlyElementsOf(disk.subMap(1L, true, 10L, true).values());
    assertThat(MessageCodec.decode(MessageCodec.encode(filled))).isEqualTo(filled);
  }

  @Test
  void fill_keepsTheByteBound_andStopsAtAPositionStorageNoLonger_holds() {
    Ballot b = new Ballot(1, "a#i0");
    byte[] big = new byte[3 << 20];
    List<Slot> evicted = List.of(new Slot(1, Ballot.ZERO, Value.evicted()),
        new Slot(2, Ballot.ZERO, Value.evicted()), new Slot(3, Ballot.ZERO, Value.evicted()));
    CatchupResponse r = new CatchupResponse(1, 3, evicted);
    CatchupResponse bounded = (CatchupResponse) EvictedSlots.fill(r,
        p -> Optional.of(new Slot(p, b, Value.append(big))));
    assertThat(bounded.slots()).extracting(Slot::position).containsExactly(1L);

    CatchupResponse cut = (CatchupResponse) EvictedSlots.fill(r,
        p -> p == 2 ? Optional.empty() : Optional.of(new Slot(p, b, Value.noop())));
    assertThat(cut.slots()).extracting(Slot::position).containsExactly(1L);

    Message other = new CatchupRequest(1, 3);
    assertThat(EvictedSlots.fill(other, p -> Optional.empty())).isSameAs(other);
  }

  @Test
  void laggingReplica_catchesUpEvictedPositions_fromTheOthersStorage() {
    Disks d = new Disks();
    d.down.add(C);
    for (int i = 0; i < 4; i++) {
      d.append(5);
    }
    assertThat(d.cores.get(C).learnedUpTo()).isZero();
    d.down.clear();
    d.run(20);
    ReplicaCore c = d.cores.get(C);
    assertThat(c.learnedUpTo()).isEqualTo(20);
    assertThat(d.filledResponses).as("catch-up responses filled from storage").isPositive();
    TreeMap<Long, Slot> ours = d.disks.get(C);
    TreeMap<Long, Slot> theirs = d.disks.get(A);
    for (long p = 1; p <= 20; p++) {
      assertThat(ours.get(p).value()).as("position %d", p).isEqualTo(theirs.get(p).value());
    }
    assertThat(c.slots().headMap(c.learnedInMemoryFrom())).isEmpty();
  }

  @Test
  void restart_loadsOnlyTheLatestValues_andStillRefusesALearnedPositionWithoutOne() {
    Disks d = new Disks();
    d.append(10);
    ReplicaCore b = d.cores.get(B);
    List<Slot> stored = new ArrayList<>(d.disks.get(B).values());
    ReplicaCore restarted = new ReplicaCore(config(B), Optional.of(b.metadata()), stored, "i1");
    assertThat(restarted.learnedUpTo()).isEqualTo(10);
    assertThat(restarted.slots().keySet()).containsExactly(7L, 8L, 9L, 10L);
    assertThat(restarted.learnedValue(10)).isEqualTo(b.learnedValue(10));

    stored.remove(2); // position 3: learned, evicted, and now gone from storage too
    assertThatThrownBy(() -> new ReplicaCore(config(B), Optional.of(b.metadata()), stored, "i1"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("learned position 3");
  }
}
