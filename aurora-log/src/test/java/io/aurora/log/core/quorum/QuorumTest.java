package io.aurora.log.core.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuorumTest {
  /** Naive oracle: two quorums of size q among n replicas always intersect iff 2q > n. */
  private static boolean everyTwoQuorumsIntersect(int q, int n) {
    for (int a = 0; a < (1 << n); a++) {
      for (int b = 0; b < (1 << n); b++) {
        if (Integer.bitCount(a) == q && Integer.bitCount(b) == q && (a & b) == 0) {
          return false;
        }
      }
    }
    return true;
  }

  @Test
  void isMajorityOf_agreesWithBruteForceIntersection() {
    for (int n = 1; n <= 7; n++) {
      for (int q = 1; q <= n; q++) {
        assertThat(new Quorum(q).isMajorityOf(n)).as("q=%d n=%d", q, n)
            .isEqualTo(everyTwoQuorumsIntersect(q, n));
      }
      assertThat(new Quorum(Quorum.majorityOf(n)).isMajorityOf(n)).isTrue();
    }
  }

  @Test
  void misconfiguredFor_namesFloorHalfPlusOne() {
    assertThat(new Quorum(2).misconfiguredFor(5)).isEqualTo(Optional.of(3));
    assertThat(new Quorum(2).misconfiguredFor(4)).isEqualTo(Optional.of(3));
    assertThat(new Quorum(2).misconfiguredFor(3)).isEmpty();
    assertThat(new Quorum(3).misconfiguredFor(3)).isEmpty();
  }

  @Test
  void ballots_orderByRoundThenProposer() {
    Ballot a = new Ballot(1, "r1#x");
    Ballot b = new Ballot(1, "r2#x");
    assertThat(b.isHigherThan(a)).isTrue();
    assertThat(a.next("r0#y").isHigherThan(b)).isTrue();
    assertThat(Ballot.ZERO.compareTo(a)).isNegative();
  }
}
