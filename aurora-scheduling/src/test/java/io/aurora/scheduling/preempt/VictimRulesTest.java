package io.aurora.scheduling.preempt;

import static io.aurora.scheduling.preempt.Rooms.claimant;
import static io.aurora.scheduling.preempt.Rooms.preemptible;
import static io.aurora.scheduling.preempt.Rooms.prod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VictimRulesTest {
  @Test
  void production_preemptsPreemptible_ofAnyRole() {
    assertThat(VictimRules.mayPreempt(claimant("a", 0, false, 1, 1),
        preemptible("t", "b", 1, 1))).isTrue();
  }

  @Test
  void production_preemptsProduction_onlyOfItsRole_withLowerPriority() {
    Claimant pending = claimant("a", 5, false, 1, 1);
    assertThat(VictimRules.mayPreempt(pending, prod("t", "a", 4, 1, 1))).isTrue();
    assertThat(VictimRules.mayPreempt(pending, prod("t", "a", 5, 1, 1))).isFalse();
    assertThat(VictimRules.mayPreempt(pending, prod("t", "b", 0, 1, 1))).isFalse();
  }

  @Test
  void preemptible_preemptsPreemptible_onlyOfItsRole_withLowerPriority() {
    Claimant pending = claimant("a", 3, true, 1, 1);
    assertThat(VictimRules.mayPreempt(pending, preemptible("t", "a", 1, 1))).isTrue();
    assertThat(VictimRules.mayPreempt(pending, preemptible("t", "b", 1, 1))).isFalse();
    assertThat(VictimRules.mayPreempt(claimant("a", 0, true, 1, 1),
        preemptible("t", "a", 1, 1))).isFalse();
  }

  @Test
  void preemptible_neverPreemptsProduction() {
    assertThat(VictimRules.mayPreempt(claimant("a", 9, true, 1, 1),
        prod("t", "a", 0, 1, 1))).isFalse();
  }
}
