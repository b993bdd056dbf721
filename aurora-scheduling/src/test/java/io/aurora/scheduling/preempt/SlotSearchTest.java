package io.aurora.scheduling.preempt;

import static io.aurora.scheduling.preempt.Rooms.agent;
import static io.aurora.scheduling.preempt.Rooms.bag;
import static io.aurora.scheduling.preempt.Rooms.claimant;
import static io.aurora.scheduling.preempt.Rooms.preemptible;
import static io.aurora.scheduling.preempt.Rooms.prod;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.MaintenanceMode;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.PlacementContext;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotSearchTest {
  private final FilterChain chain = FilterChain.standard();

  @Test
  void picksTheAgentWhereTheLeastIsTaken() {
    SlotSearch search = new SlotSearch(chain, List.of(
        agent("a1", bag(0, 0), preemptible("big", "x", 4, 4000)),
        agent("a2", bag(0.5, 50), preemptible("small", "x", 1, 100))), Set.of());
    List<PreemptionSlot> slots =
        search.find(claimant("r", 0, false, 1, 100), 1, PlacementContext.empty());
    assertThat(slots).singleElement().satisfies(s -> {
      assertThat(s.agentId()).isEqualTo("a2");
      assertThat(s.victims()).containsExactly("small");
    });
  }

  @Test
  void oneSlotPerAgent_andHeldAgentsAreSkipped() {
    SlotSearch search = new SlotSearch(chain, List.of(
        agent("a1", bag(0, 0), preemptible("t1", "x", 1, 100), preemptible("t2", "x", 1, 100)),
        agent("a2", bag(0, 0), preemptible("t3", "x", 1, 100)),
        agent("a3", bag(0, 0), preemptible("t4", "x", 1, 100))), Set.of("a3"));
    List<PreemptionSlot> slots =
        search.find(claimant("r", 0, false, 1, 100), 5, PlacementContext.empty());
    assertThat(slots).extracting(PreemptionSlot::agentId).containsExactlyInAnyOrder("a1", "a2");
    assertThat(search.find(claimant("q", 0, false, 1, 100), 5, PlacementContext.empty()))
        .isEmpty();
  }

  @Test
  void noVictimsAllowed_noSlot() {
    SlotSearch search = new SlotSearch(chain, List.of(
        agent("a1", bag(0, 0), prod("p", "other", 0, 4, 400))), Set.of());
    assertThat(search.find(claimant("r", 9, false, 1, 100), 1, PlacementContext.empty()))
        .isEmpty();
  }

  @Test
  void drainingAgent_isVetoedByTheFilter() {
    SlotSearch search = new SlotSearch(chain, List.of(
        agent("a1", MaintenanceMode.DRAINING, bag(0, 0), preemptible("t", "x", 2, 200))),
        Set.of());
    assertThat(search.find(claimant("r", 0, false, 1, 100), 1, PlacementContext.empty()))
        .isEmpty();
  }

  @Test
  void slackAlone_isNotASlot() {
    SlotSearch search = new SlotSearch(chain, List.of(
        agent("a1", bag(4, 400), preemptible("t", "x", 2, 200))), Set.of());
    assertThat(search.find(claimant("r", 0, false, 1, 100), 1, PlacementContext.empty()))
        .isEmpty();
  }
}
