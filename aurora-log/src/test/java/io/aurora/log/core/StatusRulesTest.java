package io.aurora.log.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.log.core.Message.StatusResponse;
import io.aurora.log.core.quorum.Ballot;
import io.aurora.log.core.quorum.Quorum;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bootstrap and recovery rules, case by case (the Mesos log's recover protocol, D5). */
class StatusRulesTest {
  private static final ReplicaId SELF = ReplicaId.of("self");
  private static final Quorum Q2 = new Quorum(2);

  private static StatusResponse answer(Status s, long end, long promisedRound) {
    return new StatusResponse(s, 1, end, Math.max(0, end - 1), new Ballot(promisedRound, "w"));
  }

  private static Status next(Status from, int known, Status... others) {
    List<StatusResponse> answers = Arrays.stream(others).map(s -> answer(s, 0, 0)).toList();
    return StatusRules.next(ReplicaMetadata.empty("i").withStatus(from), SELF, answers, Q2, known)
        .status();
  }

  @Test
  void newCluster_startsInTwoRounds_onlyWhenEveryKnownReplicaAnswers() {
    assertThat(next(Status.EMPTY, 3, Status.EMPTY, Status.EMPTY)).isEqualTo(Status.STARTING);
    assertThat(next(Status.EMPTY, 3, Status.EMPTY)).isEqualTo(Status.EMPTY);
    assertThat(next(Status.STARTING, 3, Status.STARTING, Status.EMPTY)).isEqualTo(Status.STARTING);
    assertThat(next(Status.STARTING, 3, Status.STARTING, Status.VOTING)).isEqualTo(Status.VOTING);
    // Five replicas known (group or voters): three answers are not everyone.
    assertThat(next(Status.EMPTY, 5, Status.EMPTY, Status.EMPTY)).isEqualTo(Status.EMPTY);
  }

  @Test
  void loneReplica_withQuorumOne_votesAtOnce() {
    ReplicaMetadata m = StatusRules.next(ReplicaMetadata.empty("i"), SELF, List.of(), new Quorum(1), 1);
    assertThat(m.status()).isEqualTo(Status.VOTING);
    assertThat(m.voters()).containsExactly(SELF);
  }

  @Test
  void emptyReplica_withAVotingQuorum_recoversToTheirHighestEnd_andAdoptsTheirPromise() {
    ReplicaMetadata m = StatusRules.next(ReplicaMetadata.empty("i"), SELF,
        List.of(answer(Status.VOTING, 40, 3), answer(Status.VOTING, 55, 7)), Q2, 3);
    assertThat(m.status()).isEqualTo(Status.RECOVERING);
    assertThat(m.recoverTarget()).isEqualTo(55);
    assertThat(m.promised()).isEqualTo(new Ballot(7, "w"));
  }

  @Test
  void oneVotingAnswer_isNotEnough_toRecoverOrToStart() {
    assertThat(next(Status.EMPTY, 3, Status.VOTING, Status.EMPTY)).isEqualTo(Status.EMPTY);
    assertThat(next(Status.RECOVERING, 3, Status.VOTING)).isEqualTo(Status.RECOVERING);
  }
}
