package io.aurora.scheduling.preemptor;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.HostAttributes;
import io.aurora.gen.JobKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.JobAttributeCounts;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.offers.HeldOffer;
import io.aurora.scheduling.offers.HostOffers;
import io.aurora.scheduling.preempt.AgentRoom;
import io.aurora.scheduling.preempt.Candidate;
import io.aurora.scheduling.preempt.Claimant;
import io.aurora.scheduling.preempt.PreemptionSlot;
import io.aurora.scheduling.preempt.PreemptionTiers;
import io.aurora.scheduling.preempt.SlotSearch;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.storage.StoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Re-checks a held slot against the state at the time it is used: the task still PENDING, its
 * victims still running on the agent and still eligible, and the room (today's slack plus
 * what the victims still there free) still passing the filter. The victims preempted are the
 * fewest of those that do; a slot that no longer holds is dropped.
 */
final class SlotCheck {
  private static final Set<ScheduleStatus> VICTIM_STATES =
      Set.of(ScheduleStatus.ASSIGNED, ScheduleStatus.STARTING, ScheduleStatus.RUNNING);

  /** A slot that still holds: the pending task, the agent's host name, the victims to preempt. */
  record Valid(AssignedTask pending, String hostname, List<Candidate> victims) {}

  private SlotCheck() {}

  static Optional<Valid> recheck(StoreProvider stores, FilterChain chain, String pendingId,
      PreemptionSlot slot, List<HeldOffer> offers, PreemptionTiers tiers,
      ExecutorSettings executor, long nowMs) {
    Optional<ScheduledTask> pending = stores.taskStore().fetchTasks(
        TaskQueries.byTaskIds(pendingId).build()).stream()
        .filter(t -> t.getStatus() == ScheduleStatus.PENDING).findFirst();
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    TaskConfig config = pending.get().getAssignedTask().getTask();
    TaskRequest request = TaskRequest.of(config, executor);
    Claimant claimant = new Claimant(request, config.getJob().getRole(), config.getPriority(),
        tiers.isPreemptible(config));
    List<Candidate> victims = new ArrayList<>();
    String hostname = null;
    for (ScheduledTask t : stores.taskStore().fetchTasks(
        TaskQueries.byTaskIds(slot.victims()).build())) {
      AssignedTask a = t.getAssignedTask();
      if (!VICTIM_STATES.contains(t.getStatus()) || !slot.agentId().equals(a.getSlaveId())) {
        continue;
      }
      hostname = a.getSlaveHost();
      TaskConfig c = a.getTask();
      victims.add(new Candidate(a.getTaskId(), c.getJob().getRole(), c.getPriority(),
          tiers.isPreemptible(c), tiers.isRevocable(c), TaskRequest.of(c, executor).need()));
    }
    Optional<HostOffer> host = host(stores, slot.agentId(), hostname, offers);
    if (host.isEmpty() || victims.isEmpty()) {
      return Optional.empty();
    }
    AgentRoom room = new AgentRoom(host.get(), victims);
    PlacementContext context = new PlacementContext(job -> counts(stores, job), nowMs);
    Optional<PreemptionSlot> still = new SlotSearch(chain, List.of(room), Set.of())
        .evaluate(claimant, room, context);
    if (still.isEmpty()) {
      return Optional.empty();
    }
    List<Candidate> chosen = victims.stream()
        .filter(v -> still.get().victims().contains(v.taskId())).toList();
    return Optional.of(new Valid(pending.get().getAssignedTask(), host.get().hostname(), chosen));
  }

  /** The agent's placement view: from its offer if one is held, else from stored attributes. */
  private static Optional<HostOffer> host(StoreProvider stores, String agentId, String hostname,
      List<HeldOffer> offers) {
    for (HeldOffer h : offers) {
      if (h.agentId().equals(agentId)) {
        MaintenanceMode mode = stores.attributeStore()
            .fetchHostAttributes(h.offer().getHostname())
            .filter(HostAttributes::isSetMode).map(HostAttributes::getMode)
            .orElse(MaintenanceMode.NONE);
        return Optional.of(HostOffers.from(h.offer(), mode));
      }
    }
    if (hostname == null) {
      return Optional.empty();
    }
    return stores.attributeStore().fetchHostAttributes(hostname).map(a -> new HostOffer("",
        agentId, hostname, ClusterView.toMap(a, hostname),
        a.isSetMode() ? a.getMode() : MaintenanceMode.NONE, ResourceBag.EMPTY, List.of(), 0));
  }

  private static JobAttributeCounts counts(StoreProvider stores, JobKey job) {
    JobAttributeCounts counts = new JobAttributeCounts();
    for (ScheduledTask t : stores.taskStore().fetchTasks(
        TaskQueries.byJob(job).statuses(Tasks.SLAVE_ASSIGNED_STATES).build())) {
      String host = t.getAssignedTask().getSlaveHost();
      if (host != null) {
        stores.attributeStore().fetchHostAttributes(host)
            .ifPresent(a -> counts.add(ClusterView.toMap(a, host)));
      }
    }
    return counts;
  }
}
