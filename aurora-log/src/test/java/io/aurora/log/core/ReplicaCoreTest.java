package io.aurora.log.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.log.core.LogRecord.MetadataWrite;
import io.aurora.log.core.Message.Prepare;
import io.aurora.log.core.Message.Promise;
import io.aurora.log.core.Message.Reject;
import io.aurora.log.core.Outcome.Failed;
import io.aurora.log.core.Outcome.Failure;
import io.aurora.log.core.Outcome.Written;
import io.aurora.log.core.quorum.Ballot;
import io.aurora.log.core.quorum.Quorum;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Corner cases of the core, on a loss-free network delivered in order. */
class ReplicaCoreTest {
  private static final ReplicaId A = ReplicaId.of("a");
  private static final ReplicaId B = ReplicaId.of("b");
  private static final ReplicaId C = ReplicaId.of("c");

  /** Three voting replicas, A elected writer. */
  private static Cluster withWriterA() {
    return Cluster.withWriter(A, B, C);
  }

  private static WriteRequest append(long id, String s) {
    return Cluster.append(id, s);
  }

  @Test
  void newCluster_bootstrapsToVoting_electsAndReplicatesAppends() {
    Cluster c = new Cluster(2, A, B, C);
    c.run(10);
    assertThat(c.cores.values()).allMatch(r -> r.status() == Status.VOTING);
    c.take(c.cores.get(A).elect(1));
    c.run(3);
    assertThat(c.outcomes).contains(new Outcome.Elected(1, 0));
    c.take(c.cores.get(A).write(List.of(append(2, "x"), append(3, "y"))));
    c.run(3);
    assertThat(c.outcomes).contains(new Written(2, 1), new Written(3, 2));
    for (ReplicaCore r : c.cores.values()) {
      assertThat(r.learnedUpTo()).isEqualTo(2);
      assertThat(r.learnedValue(2)).contains(Value.append("y".getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void promise_isPersistedInTheSameReadyThatSendsIt() {
    Cluster c = new Cluster(2, A, B, C);
    c.run(10);
    Ready r = c.cores.get(B).step(new Envelope(A, B, new Prepare(new Ballot(7, "a#i0"), 1)));
    assertThat(r.toSend()).singleElement().extracting(Envelope::message)
        .isInstanceOf(Promise.class);
    assertThat(r.toPersist()).anySatisfy(rec -> assertThat(rec).isInstanceOfSatisfying(
        MetadataWrite.class, m -> assertThat(m.metadata().promised()).isEqualTo(new Ballot(7, "a#i0"))));
  }

  @Test
  void prepare_withLowerBallot_isRejectedWithTheHigherPromise() {
    Cluster c = new Cluster(2, A, B, C);
    c.run(10);
    ReplicaCore b = c.cores.get(B);
    b.step(new Envelope(A, B, new Prepare(new Ballot(7, "a#i0"), 1)));
    Ready r = b.step(new Envelope(C, B, new Prepare(new Ballot(3, "c#i0"), 1)));
    assertThat(r.toSend()).singleElement().extracting(Envelope::message)
        .isEqualTo(new Reject(new Ballot(3, "c#i0"), new Ballot(7, "a#i0")));
  }

  @Test
  void emptyReplica_doesNotAnswerPrepares() {
    ReplicaCore fresh = new ReplicaCore(new CoreConfig(B, new Quorum(2), Set.of(A, B, C), 20, 20,
        2, 16), Optional.empty(), List.of(), "i0");
    Ready r = fresh.step(new Envelope(A, B, new Prepare(new Ballot(1, "a#i0"), 1)));
    assertThat(fresh.status()).isEqualTo(Status.EMPTY);
    assertThat(r.toSend()).isEmpty();
  }

  @Test
  void secondWriter_demotesTheFirst_whosePendingWritesFailAndAreNeverAcknowledged() {
    Cluster c = new Cluster(2, A, B, C);
    c.run(10);
    c.take(c.cores.get(A).elect(1));
    c.run(2);
    c.down.add(B);
    c.down.add(C);
    c.take(c.cores.get(A).write(List.of(append(2, "lost?"))));
    c.network.clear(); // A's accepts never arrive
    c.down.clear();
    c.take(c.cores.get(B).elect(3));
    c.run(3);
    assertThat(c.outcomes).contains(new Outcome.Elected(3, 1));
    c.take(c.cores.get(A).write(List.of(append(4, "late"))));
    c.run(3);
    assertThat(c.outcomes).noneMatch(o -> o instanceof Written);
    assertThat(c.outcomes.stream().filter(o -> o instanceof Failed).map(Outcome::requestId)
        .collect(Collectors.toSet())).contains(2L, 4L);
    assertThat(c.cores.get(A).isWriter()).isFalse();
    // B filled A's half-written position: it holds A's value (accepted by A alone) or a no-op.
    assertThat(c.cores.get(C).learnedUpTo()).isEqualTo(1);
  }

  @Test
  void quorumGuard_refusesAMinorityQuorum_andNamesTheRightFlag() {
    ReplicaId[] five = {A, B, C, ReplicaId.of("d"), ReplicaId.of("e")};
    Cluster c = new Cluster(2, five);
    c.run(10);
    Ready r = c.cores.get(A).elect(9);
    assertThat(r.outcomes()).singleElement().isInstanceOfSatisfying(Failed.class, f -> {
      assertThat(f.failure()).isEqualTo(Failure.QUORUM_MISCONFIGURED);
      assertThat(f.knownReplicas()).isEqualTo(5);
      assertThat(f.message()).contains("-native_log_quorum_size=3");
    });
  }

  @Test
  void quorumGuard_remembersVotersBeyondTheCurrentGroup() {
    Cluster c = withWriterA();
    ReplicaCore a = c.cores.get(A);
    assertThat(a.metadata().voters()).containsExactlyInAnyOrder(A, B, C);
    a.membership(Set.of(A)); // discovery now shows only itself: the voters still count
    assertThat(a.knownReplicas()).isEqualTo(3);
    assertThat(a.elect(2).outcomes()).noneMatch(o -> o instanceof Failed);
  }

  @Test
  void loneAppend_asksForAnFsyncToAcceptIt_butNotToLearnIt() {
    Cluster c = withWriterA();
    c.take(c.cores.get(A).write(List.of(append(2, "warm"))));
    c.run(1); // every voter is known now: the next append changes nothing but positions
    ReplicaCore a = c.cores.get(A);
    ReplicaCore b = c.cores.get(B);
    Ready proposed = a.write(List.of(append(3, "x")));
    assertThat(proposed.sync()).as("the writer's own accept is fsynced").isTrue();
    Envelope accept = proposed.toSend().stream().filter(e -> e.to().equals(B)).findFirst()
        .orElseThrow();
    Ready accepted = b.step(accept);
    assertThat(accepted.sync()).as("a follower fsyncs before it votes").isTrue();
    assertThat(accepted.toSend()).singleElement().extracting(Envelope::message)
        .isInstanceOf(Message.Accepted.class);
    Ready learned = a.step(accepted.toSend().get(0));
    assertThat(learned.outcomes()).containsExactly(new Written(3, 2));
    assertThat(learned.toPersist()).singleElement().isInstanceOf(MetadataWrite.class);
    assertThat(learned.sync()).as("moving the learned mark needs no fsync of its own").isFalse();
    // A promise is never lazy, even right after a lazy learned mark.
    Ready promise = b.step(new Envelope(C, B, new Prepare(new Ballot(99, "c#i0"), 1)));
    assertThat(promise.sync()).isTrue();
  }
}
