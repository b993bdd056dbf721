package io.aurora.scheduling.preempt;

import static io.aurora.scheduling.preempt.Rooms.agent;
import static io.aurora.scheduling.preempt.Rooms.bag;
import static io.aurora.scheduling.preempt.Rooms.claimant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.resources.ResourceBag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Slot search on seeded random clusters, against a brute-force oracle that tries every subset of
 * every agent's tasks. 300 seeds by default; {@code -Daurora.preempt.seeds=N} runs more. A failure
 * names its seed.
 */
class SlotSearchSimTest {
  private static final String[] ROLES = {"a", "b", "c"};
  private final FilterChain chain = FilterChain.standard();

  @Test
  void randomClusters_slotsFollowTheRules_andTakeTheFewestResources() {
    int seeds = Integer.getInteger("aurora.preempt.seeds", 300);
    for (int seed = 0; seed < seeds; seed++) {
      runSeed(seed);
    }
  }

  private void runSeed(long seed) {
    Random random = new Random(seed);
    List<AgentRoom> rooms = new ArrayList<>();
    Map<String, Candidate> byId = new HashMap<>();
    int agents = 1 + random.nextInt(8);
    for (int a = 0; a < agents; a++) {
      List<Candidate> tasks = new ArrayList<>();
      int n = random.nextInt(8);
      for (int t = 0; t < n; t++) {
        boolean preemptible = random.nextBoolean();
        Candidate c = new Candidate("a" + a + "-t" + t, ROLES[random.nextInt(ROLES.length)],
            random.nextInt(3), preemptible, preemptible && random.nextInt(4) == 0,
            bag(0.25 * (1 + random.nextInt(8)), 128L * (1 + random.nextInt(8))));
        tasks.add(c);
        byId.put(c.taskId(), c);
      }
      ResourceBag slack = bag(0.25 * random.nextInt(4), 128L * random.nextInt(4));
      rooms.add(agent("agent" + a, slack, tasks.toArray(new Candidate[0])));
    }
    Claimant pending = claimant(ROLES[random.nextInt(ROLES.length)], random.nextInt(3),
        random.nextBoolean(), 0.25 * (1 + random.nextInt(12)), 128L * (1 + random.nextInt(12)));
    SlotSearch search = new SlotSearch(chain, rooms, Set.of());
    List<PreemptionSlot> slots = search.find(pending, 1, PlacementContext.empty());
    double oracle = oracle(pending, rooms, search.weights());
    String where = "seed " + seed;
    if (Double.isInfinite(oracle)) {
      assertThat(slots).as(where).isEmpty();
      return;
    }
    assertThat(slots).as(where).hasSize(1);
    PreemptionSlot slot = slots.get(0);
    AgentRoom room = rooms.stream().filter(r -> r.agentId().equals(slot.agentId())).findFirst()
        .orElseThrow();
    ResourceBag free = room.host().free();
    double cost = 0;
    for (String id : slot.victims()) {
      Candidate victim = byId.get(id);
      assertThat(room.tasks()).as(where).contains(victim);
      if (pending.preemptible()) {
        assertThat(victim.preemptible()).as(where + ": preemptible preempts production").isTrue();
      }
      if (pending.preemptible() == victim.preemptible()) {
        assertThat(victim.role()).as(where + ": across roles").isEqualTo(pending.role());
        assertThat(victim.priority()).as(where).isLessThan(pending.priority());
      }
      free = free.plus(victim.freed());
      cost += search.weights().cost(victim.resources());
    }
    assertThat(free.fits(pending.request().need())).as(where + ": no room made").isTrue();
    assertThat(cost).as(where + ": not the fewest resources").isCloseTo(oracle, within(oracle * 1e-5 + 1e-9));
  }

  /** The least cost of any subset of any agent's eligible tasks that makes room; or infinity. */
  private double oracle(Claimant pending, List<AgentRoom> rooms, Weights weights) {
    double best = Double.POSITIVE_INFINITY;
    for (AgentRoom room : rooms) {
      List<Candidate> eligible = room.tasks().stream()
          .filter(c -> VictimRules.mayPreempt(pending, c)).toList();
      if (room.host().free().fits(pending.request().need())) {
        continue;
      }
      for (int mask = 1; mask < (1 << eligible.size()); mask++) {
        ResourceBag free = room.host().free();
        double cost = 0;
        for (int i = 0; i < eligible.size(); i++) {
          if ((mask & (1 << i)) != 0) {
            free = free.plus(eligible.get(i).freed());
            cost += weights.cost(eligible.get(i).resources());
          }
        }
        HostOffer host = room.host();
        HostOffer after = new HostOffer(host.offerId(), host.agentId(), host.hostname(),
            host.attributes(), host.mode(), free, host.ports(), 0);
        if (cost < best && chain.check(pending.request(), after, PlacementContext.empty())
            .isEmpty()) {
          best = cost;
        }
      }
    }
    return best;
  }
}
