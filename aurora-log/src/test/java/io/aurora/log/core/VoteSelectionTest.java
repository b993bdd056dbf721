package io.aurora.log.core;

import static io.aurora.log.core.Cluster.append;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.log.core.Message.Accept;
import io.aurora.log.core.Message.Accepted;
import io.aurora.log.core.Outcome.Written;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A writer asks a quorum for votes, not every replica; the others store a copy unsynced. */
class VoteSelectionTest {
  private static final ReplicaId A = ReplicaId.of("a");
  private static final ReplicaId B = ReplicaId.of("b");
  private static final ReplicaId C = ReplicaId.of("c");

  private static Accept acceptTo(Ready r, ReplicaId to) {
    return (Accept) r.toSend().stream().filter(e -> e.to().equals(to)).findFirst().orElseThrow()
        .message();
  }

  @Test
  void write_asksOneFollowerToVote_andTheOtherToStoreACopyWithoutAnFsync() {
    Cluster c = Cluster.withWriter(A, B, C);
    Ready proposed = c.cores.get(A).write(List.of(append(2, "x")));
    assertThat(acceptTo(proposed, B).vote()).as("lowest replica id when no one voted yet").isTrue();
    assertThat(acceptTo(proposed, C).vote()).isFalse();

    Ready copy = c.cores.get(C).step(new Envelope(A, C, acceptTo(proposed, C)));
    assertThat(copy.toPersist()).isNotEmpty();
    assertThat(copy.sync()).as("a copy that is not a vote needs no fsync").isFalse();
    assertThat(copy.toSend()).as("and gets no answer").isEmpty();
    assertThat(c.cores.get(C).tick().sync()).as("the next tick makes the copy durable").isTrue();

    c.take(proposed);
    c.network.removeIf(e -> e.to().equals(C)); // delivered above
    c.run(1);
    assertThat(c.outcomes).contains(new Written(2, 1));
    c.run(1); // the next heartbeat carries the commit
    assertThat(c.cores.get(C).learnedUpTo()).as("the copy is learned from the commit").isEqualTo(1);
  }

  @Test
  void voteAfterACopy_fsyncsTheCopyBeforeAnswering() {
    Cluster c = Cluster.withWriter(A, B, C);
    ReplicaCore core = c.cores.get(C);
    Ready proposed = c.cores.get(A).write(List.of(append(2, "x")));
    Accept copy = acceptTo(proposed, C);
    core.step(new Envelope(A, C, copy));
    Ready vote = core.step(new Envelope(A, C, new Accept(copy.ballot(), copy.slots(),
        copy.commitUpTo(), true)));
    assertThat(vote.toPersist()).as("the slot is stored already").isEmpty();
    assertThat(vote.sync()).as("but not yet durable").isTrue();
    assertThat(vote.toSend()).singleElement().extracting(Envelope::message)
        .isInstanceOf(Accepted.class);
  }

  @Test
  void silentVoter_isReplacedAfterTheHedgeTicks_byTheFollowerThatVotes() {
    Cluster c = Cluster.withWriter(A, B, C);
    c.down.add(B);
    c.take(c.cores.get(A).write(List.of(append(2, "x"))));
    c.run(1);
    assertThat(c.outcomes).noneMatch(o -> o instanceof Written);
    c.run(Proposer.HEDGE_TICKS);
    assertThat(c.outcomes).as("C was asked to vote and did").contains(new Written(2, 1));

    Ready next = c.cores.get(A).write(List.of(append(3, "y")));
    assertThat(acceptTo(next, C).vote()).as("C voted last: it is asked first now").isTrue();
    assertThat(acceptTo(next, B).vote()).isFalse();
    c.take(next);
    c.run(1);
    assertThat(c.outcomes).contains(new Written(3, 2));
  }

  @Test
  void firstWrite_asksAReplicaThatPromised_beforeOneThatDidNot() {
    Cluster c = new Cluster(2, A, B, C);
    c.run(10);
    c.down.add(B); // B misses the election
    c.take(c.cores.get(A).elect(1));
    c.run(3);
    c.down.clear();
    Ready first = c.cores.get(A).write(List.of(append(2, "x")));
    assertThat(acceptTo(first, C).vote()).isTrue();
    assertThat(acceptTo(first, B).vote()).as("B has the lower id but did not promise").isFalse();
  }
}
