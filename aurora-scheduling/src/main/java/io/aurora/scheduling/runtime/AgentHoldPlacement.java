package io.aurora.scheduling.runtime;

import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.assign.Assignment;
import io.aurora.scheduling.assign.AssignmentRound;
import io.aurora.scheduling.assign.PendingGroup;
import io.aurora.scheduling.assign.TaskAssigner;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.Veto;
import io.aurora.scheduling.updater.UpdateAgentHolds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A placement round with update affinity: the replacement of an instance whose agent the job
 * updater holds goes to that agent's offers only (and waits while the agent has none), and every
 * other task is placed on the offers of agents nobody holds. Without holds it is the plain
 * assigner's round.
 */
final class AgentHoldPlacement {
  /** The pending reason of a replacement waiting for its held agent to offer. */
  static final Veto WAITING_FOR_HELD_AGENT =
      Veto.custom("Waiting for the agent held for this instance's update (update affinity)", 1);

  private AgentHoldPlacement() {}

  /**
   * @param assigner places the tasks nobody holds an agent for
   * @param heldAssigner places held replacements, one agent at a time
   * @param heldTasks the pending tasks that are held replacements, by task id
   */
  static AssignmentRound assign(TaskAssigner assigner, TaskAssigner heldAssigner,
      List<PendingGroup> groups, List<HostOffer> offers, UpdateAgentHolds.Snapshot holding,
      Map<String, UpdateAgentHolds.Instance> heldTasks, PlacementContext context) {
    if (holding.isEmpty()) {
      return assigner.assign(groups, offers, context);
    }
    List<PendingGroup> free = new ArrayList<>();
    Map<String, List<PendingGroup>> heldByAgent = new LinkedHashMap<>();
    for (PendingGroup group : groups) {
      List<String> freeIds = new ArrayList<>();
      Map<String, List<String>> byAgent = new LinkedHashMap<>();
      for (String id : group.taskIds()) {
        UpdateAgentHolds.Instance instance = heldTasks.get(id);
        String agent = instance == null ? null
            : holding.agentFor(instance.job(), instance.instance()).orElse(null);
        if (agent == null) {
          freeIds.add(id);
        } else {
          byAgent.computeIfAbsent(agent, a -> new ArrayList<>()).add(id);
        }
      }
      if (!freeIds.isEmpty()) {
        free.add(new PendingGroup(group.request(), freeIds));
      }
      byAgent.forEach((agent, ids) -> heldByAgent.computeIfAbsent(agent, a -> new ArrayList<>())
          .add(new PendingGroup(group.request(), ids)));
    }
    List<HostOffer> open = new ArrayList<>();
    Map<String, List<HostOffer>> heldOffers = new HashMap<>();
    for (HostOffer offer : offers) {
      if (holding.isHeld(offer.agentId())) {
        heldOffers.computeIfAbsent(offer.agentId(), a -> new ArrayList<>()).add(offer);
      } else {
        open.add(offer);
      }
    }
    AssignmentRound main = assigner.assign(free, open, context);
    List<Assignment> assignments = new ArrayList<>(main.assignments());
    Map<TaskConfig, Veto> nearest = new HashMap<>(main.nearestVetoes());
    List<HostOffer> remaining = new ArrayList<>(main.remaining());
    heldByAgent.forEach((agent, held) -> {
      List<HostOffer> agentOffers = heldOffers.remove(agent);
      if (agentOffers == null) {
        held.forEach(g -> nearest.putIfAbsent(g.request().config(), WAITING_FOR_HELD_AGENT));
        return;
      }
      AssignmentRound round = heldAssigner.assign(held, agentOffers, context);
      assignments.addAll(round.assignments());
      round.nearestVetoes().forEach(nearest::putIfAbsent);
      remaining.addAll(round.remaining());
    });
    // Held agents with no replacement pending yet stay untouched for it.
    heldOffers.values().forEach(remaining::addAll);
    return new AssignmentRound(assignments, nearest, remaining);
  }
}
