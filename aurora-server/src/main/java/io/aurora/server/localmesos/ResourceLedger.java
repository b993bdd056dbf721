package io.aurora.server.localmesos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;

/**
 * The embedded master's resource accounting: each agent's free resources and the offers
 * outstanding. An agent's resources are in exactly one place: free, in one outstanding offer, or
 * used by tasks. Not thread-safe; {@link LocalMaster} guards it with its lock.
 */
final class ResourceLedger {
  private static final double DEFAULT_REFUSE_SECONDS = 5.0;
  private static final double MAX_REFUSE_SECONDS = 31_536_000;

  /** An outstanding offer. */
  record OfferRecord(OfferID id, FrameworkID frameworkId, AgentID agentId, Resources resources) {}

  private static final class AgentSlot {
    final Agent agent;
    Resources free;

    AgentSlot(Agent agent) {
      this.agent = agent;
      this.free = Resources.of(agent.info().getResourcesList());
    }
  }

  private final String masterId;
  private final Map<AgentID, AgentSlot> agents = new LinkedHashMap<>();
  private final Map<OfferID, OfferRecord> offers = new LinkedHashMap<>();
  private long nextOffer;
  private int allocationStart;

  ResourceLedger(String masterId) {
    this.masterId = masterId;
  }

  void addAgent(Agent agent) {
    agents.put(agent.info().getId(), new AgentSlot(agent));
  }

  Agent agent(AgentID id) {
    return agents.get(id).agent;
  }

  boolean hasAgent(AgentID id) {
    return agents.containsKey(id);
  }

  Collection<Agent> agents() {
    return agents.values().stream().map(slot -> slot.agent).toList();
  }

  Optional<OfferRecord> offer(OfferID id) {
    return Optional.ofNullable(offers.get(id));
  }

  /** Withdraws an outstanding offer; its resources are free again. */
  void withdraw(OfferRecord offer) {
    if (offers.remove(offer.id()) != null) {
      release(offer.agentId(), offer.resources());
    }
  }

  /** Withdraws every offer of the framework (they never survive a re-subscription). */
  void withdrawAll(FrameworkID frameworkId) {
    offers.values().stream().filter(o -> o.frameworkId().equals(frameworkId)).toList()
        .forEach(this::withdraw);
  }

  /** Takes resources from the agent's free pool for a task. */
  void use(AgentID agentId, Resources resources) {
    AgentSlot slot = agents.get(agentId);
    slot.free = slot.free.minus(resources);
  }

  /** Returns resources (of a withdrawn offer or an ended task) to the agent's free pool. */
  void release(AgentID agentId, Resources resources) {
    AgentSlot slot = agents.get(agentId);
    slot.free = slot.free.plus(resources);
  }

  /**
   * One allocation round: every agent with something free goes, whole, to the first eligible
   * framework that has not refused it; the first framework rotates between rounds so none
   * starves another. A framework that did not subscribe with REVOCABLE_RESOURCES is offered only
   * the agent's non-revocable resources (Mesos offers revocable ones only to frameworks that ask);
   * the revocable ones stay free for another framework.
   */
  Map<FrameworkState, List<Offer>> allocate(List<FrameworkState> eligible, Instant now) {
    Map<FrameworkState, List<Offer>> made = new LinkedHashMap<>();
    if (eligible.isEmpty()) {
      return made;
    }
    int first = Math.floorMod(allocationStart++, eligible.size());
    for (AgentSlot slot : agents.values()) {
      if (!slot.free.offerable()) {
        continue;
      }
      AgentID agentId = slot.agent.info().getId();
      for (int i = 0; i < eligible.size(); i++) {
        FrameworkState framework = eligible.get((first + i) % eligible.size());
        Instant refused = framework.refusedUntil.get(agentId);
        if (refused != null && refused.isAfter(now)) {
          continue;
        }
        Resources offered = framework.receivesRevocable() ? slot.free : slot.free.withoutRevocable();
        if (!offered.offerable()) {
          continue;
        }
        framework.refusedUntil.remove(agentId);
        OfferID id = OfferID.newBuilder().setValue(masterId + "-O" + (nextOffer++)).build();
        offers.put(id, new OfferRecord(id, framework.id, agentId, offered));
        made.computeIfAbsent(framework, f -> new ArrayList<>()).add(Offer.newBuilder()
            .setId(id)
            .setFrameworkId(framework.id)
            .setAgentId(agentId)
            .setHostname(slot.agent.info().getHostname())
            .addAllResources(offered.toProtos(framework.role()))
            .addAllAttributes(slot.agent.info().getAttributesList())
            .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(framework.role()))
            .build());
        slot.free = offered == slot.free ? Resources.EMPTY : slot.free.minus(offered);
        break;
      }
    }
    return made;
  }

  /**
   * Applies an ACCEPT/DECLINE filter: the agent's unused resources are not offered to the
   * framework again for {@code refuse_seconds} (Mesos: default 5 s, negative = default, at most
   * a year). Nothing to refuse if nothing was left over.
   */
  static void refuse(FrameworkState framework, AgentID agentId, Filters filters, Resources unused,
      Instant now) {
    if (!unused.offerable()) {
      return;
    }
    double seconds = filters.hasRefuseSeconds() ? filters.getRefuseSeconds() : DEFAULT_REFUSE_SECONDS;
    if (seconds < 0) {
      seconds = DEFAULT_REFUSE_SECONDS;
    }
    seconds = Math.min(seconds, MAX_REFUSE_SECONDS);
    if (seconds > 0) {
      framework.refusedUntil.put(agentId, now.plusMillis(Math.round(seconds * 1000)));
    }
  }
}
