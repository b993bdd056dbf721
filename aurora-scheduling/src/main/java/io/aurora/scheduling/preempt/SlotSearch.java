package io.aurora.scheduling.preempt;

import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.resources.ResourceBag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds preemption slots for one round over a fixed set of agents: for each pending group, the
 * agents where preempting the fewest resources makes room for one of its tasks.
 *
 * <p>Cost: each agent's upper bound on room (its slack plus everything the group could preempt
 * there) is computed once per round, so an agent that cannot hold the task is skipped with one
 * comparison. The others are ordered by a lower bound on what a slot there costs (the shortfall
 * beyond the agent's slack, {@link Weights#cost}) and evaluated in that order, and the walk
 * stops once the group has its slots and no agent left could be cheaper. With full agents of
 * like tasks the first agents evaluated already reach the bound, so a group costs a sort of the
 * agents' indices and a handful of evaluations, not one evaluation per agent. Where no agent
 * reaches its bound, the walk goes {@link #LOOK_PAST} agents past the point where the group had
 * its slots, keeping the cheapest seen: the fewest resources among the agents with the least
 * shortfall, not a proof over the whole cluster.
 *
 * <p>An agent gives at most one slot per round (to the first group that takes it), as in
 * Aurora. Not thread-safe; one search per round.
 */
public final class SlotSearch {
  /** Relative difference in cost below which two slots are equally good. */
  static final double TIE = 1e-6;
  /** Agents evaluated after a group has all its slots, looking for cheaper ones. */
  static final int LOOK_PAST = 64;

  private final FilterChain chain;
  private final List<AgentRoom> rooms;
  private final Weights weights;
  private final ResourceBag[] allRoom;
  private final ResourceBag[] preemptibleRoom;
  private final BitSet taken;

  /**
   * @param chain the placement filter a slot must pass (with the victims' room)
   * @param rooms every agent with an offer or active tasks
   * @param unavailable agents not to use (held for someone already), by id
   */
  public SlotSearch(FilterChain chain, List<AgentRoom> rooms, Set<String> unavailable) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.rooms = List.copyOf(rooms);
    this.weights = Weights.of(this.rooms);
    int n = this.rooms.size();
    this.allRoom = new ResourceBag[n];
    this.preemptibleRoom = new ResourceBag[n];
    this.taken = new BitSet(n);
    for (int i = 0; i < n; i++) {
      AgentRoom room = this.rooms.get(i);
      allRoom[i] = room.roomIfAllPreempted();
      preemptibleRoom[i] = room.roomIfPreemptiblePreempted();
      if (unavailable.contains(room.agentId())) {
        taken.set(i);
      }
    }
  }

  /** The weights costs are measured in. */
  public Weights weights() {
    return weights;
  }

  /**
   * Up to {@code count} slots for tasks of {@code pending}, cheapest first, on agents no earlier
   * call took.
   *
   * @param context the placement context of the round (attribute counts for limit constraints)
   */
  public List<PreemptionSlot> find(Claimant pending, int count, PlacementContext context) {
    ResourceBag need = pending.request().need();
    int n = rooms.size();
    long[] order = new long[n];
    int candidates = 0;
    for (int i = taken.nextClearBit(0); i < n; i = taken.nextClearBit(i + 1)) {
      ResourceBag bound = pending.preemptible() ? preemptibleRoom[i] : allRoom[i];
      if (!bound.fits(need)) {
        continue;
      }
      ResourceBag slack = rooms.get(i).host().free();
      if (slack.fits(need)) {
        // Room without preemption: placement's business, not a slot.
        continue;
      }
      double lowerBound = weights.cost(need.minus(slack));
      // Non-negative floats sort as their bits do: the bound in the high half, the index low.
      order[candidates++] = ((long) Float.floatToIntBits((float) lowerBound) << 32) | i;
    }
    Arrays.sort(order, 0, candidates);
    List<PreemptionSlot> best = new ArrayList<>();
    List<Integer> bestIndex = new ArrayList<>();
    int lookedPast = 0;
    for (int j = 0; j < candidates; j++) {
      float lowerBound = Float.intBitsToFloat((int) (order[j] >>> 32));
      // Near ties count as ties: the bound is a float, and a slot's cost carries a tiny amount
      // per victim (fewer victims win among equals) that no bound can foresee.
      if (best.size() == count && lowerBound >= best.get(count - 1).cost() * (1 - TIE)) {
        break;
      }
      // Where no agent reaches its bound (the victims never add up to the shortfall exactly),
      // the bound never ends the walk: look a bounded way further for a cheaper slot, not at
      // every agent of the cluster for every group.
      if (best.size() == count && ++lookedPast > LOOK_PAST) {
        break;
      }
      int i = (int) order[j];
      Optional<PreemptionSlot> slot = evaluate(pending, rooms.get(i), context);
      if (slot.isEmpty()) {
        continue;
      }
      int at = 0;
      while (at < best.size() && best.get(at).cost() <= slot.get().cost()) {
        at++;
      }
      if (at < count) {
        best.add(at, slot.get());
        bestIndex.add(at, i);
        if (best.size() > count) {
          best.remove(count);
          bestIndex.remove(count);
        }
      }
    }
    bestIndex.forEach(taken::set);
    return best;
  }

  /** The cheapest slot for {@code pending} on {@code room}, if any passes the filter. */
  public Optional<PreemptionSlot> evaluate(Claimant pending, AgentRoom room,
      PlacementContext context) {
    List<Candidate> eligible = new ArrayList<>();
    for (Candidate c : room.tasks()) {
      if (VictimRules.mayPreempt(pending, c)) {
        eligible.add(c);
      }
    }
    ResourceBag slack = room.host().free();
    Optional<List<Candidate>> victims =
        VictimSelector.fewest(pending.request().need(), slack, eligible, weights);
    if (victims.isEmpty() || victims.get().isEmpty()) {
      return Optional.empty();
    }
    ResourceBag freed = slack;
    double cost = 0;
    List<String> ids = new ArrayList<>(victims.get().size());
    for (Candidate c : victims.get()) {
      freed = freed.plus(c.freed());
      cost += weights.cost(c.resources()) + Weights.PER_VICTIM;
      ids.add(c.taskId());
    }
    HostOffer host = room.host();
    HostOffer afterPreemption = new HostOffer(host.offerId(), host.agentId(), host.hostname(),
        host.attributes(), host.mode(), freed, host.ports(), host.portsUsed(),
        host.unavailableAtMs());
    if (chain.check(pending.request(), afterPreemption, context).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new PreemptionSlot(room.agentId(), ids, cost));
  }
}
