package io.aurora.scheduling.preempt;

import static io.aurora.scheduling.preempt.Rooms.bag;
import static io.aurora.scheduling.preempt.Rooms.preemptible;
import static io.aurora.scheduling.preempt.Rooms.revocable;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.resources.ResourceBag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VictimSelectorTest {
  @Test
  void slackAlone_needsNoVictims() {
    assertThat(VictimSelector.fewest(bag(1, 100), bag(2, 200),
        List.of(preemptible("a", "r", 1, 100)), Weights.UNIT)).contains(List.of());
  }

  @Test
  void notEnoughAnywhere_isEmpty() {
    assertThat(VictimSelector.fewest(bag(4, 100), bag(0, 0),
        List.of(preemptible("a", "r", 1, 100), preemptible("b", "r", 1, 100)), Weights.UNIT))
        .isEmpty();
  }

  @Test
  void takesTheSmallTaskThatIsEnough_notTheLargestFirst() {
    List<Candidate> victims = VictimSelector.fewest(bag(1, 100), bag(0, 0),
        List.of(preemptible("big", "r", 4, 4000), preemptible("small", "r", 1, 100)),
        Weights.UNIT).orElseThrow();
    assertThat(victims).extracting(Candidate::taskId).containsExactly("small");
  }

  @Test
  void countsSlack_andTakesOnlyTheShortfall() {
    List<Candidate> victims = VictimSelector.fewest(bag(2, 200), bag(1, 100),
        List.of(preemptible("a", "r", 1, 100), preemptible("b", "r", 1, 100),
            preemptible("c", "r", 2, 200)), Weights.UNIT).orElseThrow();
    assertThat(victims).hasSize(1);
    assertThat(victims.get(0).taskId()).isIn("a", "b");
  }

  @Test
  void revocableVictim_freesNoCpu() {
    assertThat(VictimSelector.fewest(bag(1, 100), bag(0, 0),
        List.of(revocable("r", "x", 4, 400)), Weights.UNIT)).isEmpty();
    List<Candidate> victims = VictimSelector.fewest(bag(1, 100), bag(1, 0),
        List.of(revocable("r", "x", 4, 400)), Weights.UNIT).orElseThrow();
    assertThat(victims).extracting(Candidate::taskId).containsExactly("r");
  }

  @Test
  void manyVictims_heuristicStillMakesRoom_withoutSpareVictims() {
    List<Candidate> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(preemptible("t" + i, "r", 0.5 + (i % 3) * 0.25, 100 + i));
    }
    ResourceBag need = bag(3, 500);
    List<Candidate> victims =
        VictimSelector.fewest(need, bag(0, 0), many, Weights.UNIT).orElseThrow();
    ResourceBag freed = ResourceBag.EMPTY;
    for (Candidate c : victims) {
      freed = freed.plus(c.freed());
    }
    assertThat(freed.fits(need)).isTrue();
    for (Candidate c : victims) {
      assertThat(freed.minus(c.freed()).fits(need)).as("spare victim %s", c.taskId()).isFalse();
    }
  }
}
