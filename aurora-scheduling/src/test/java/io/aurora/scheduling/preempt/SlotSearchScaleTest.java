package io.aurora.scheduling.preempt;

import static io.aurora.scheduling.preempt.Rooms.agent;
import static io.aurora.scheduling.preempt.Rooms.bag;
import static io.aurora.scheduling.preempt.Rooms.claimant;
import static io.aurora.scheduling.preempt.Rooms.preemptible;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.PlacementContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One search round at the benchmark's scale, pure: 10,000 agents of four preemptible tasks, 100
 * production groups wanting five slots each. Every slot takes exactly two victims (the fewest),
 * and no agent is used twice. The time is printed, not asserted (bench figures come from
 * {@code aurora-bench preempt} on a quiet machine).
 */
class SlotSearchScaleTest {
  @Test
  void tenThousandAgents_hundredGroups_everySlotTakesTheFewest() {
    roundOf(2, 2048, "exact fit");
  }

  @Test
  void tenThousandAgents_hundredGroups_withoutAnExactFit_stillTwoVictimsEach() {
    roundOf(1.5, 1536, "no exact fit");
  }

  private static void roundOf(double cpus, long ramMb, String what) {
    List<AgentRoom> rooms = new ArrayList<>();
    for (int a = 0; a < 10_000; a++) {
      rooms.add(agent("agent" + a, bag(0, 0), preemptible("a" + a + "-0", "batch", 1, 1024),
          preemptible("a" + a + "-1", "batch", 1, 1024),
          preemptible("a" + a + "-2", "batch", 1, 1024),
          preemptible("a" + a + "-3", "batch", 1, 1024)));
    }
    long start = System.nanoTime();
    SlotSearch search = new SlotSearch(FilterChain.standard(), rooms, Set.of());
    List<PreemptionSlot> slots = new ArrayList<>();
    for (int g = 0; g < 100; g++) {
      slots.addAll(search.find(claimant("web" + g, 0, false, cpus, ramMb), 5,
          PlacementContext.empty()));
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("SlotSearchScaleTest (%s): 100 groups x 5 slots on 10,000 agents in %d ms%n",
        what, ms);
    assertThat(slots).hasSize(500);
    assertThat(slots).allSatisfy(s -> assertThat(s.victims()).hasSize(2));
    Set<String> agents = new HashSet<>();
    slots.forEach(s -> agents.add(s.agentId()));
    assertThat(agents).hasSize(500);
  }
}
