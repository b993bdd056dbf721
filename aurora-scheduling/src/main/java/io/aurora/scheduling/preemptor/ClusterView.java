package io.aurora.scheduling.preemptor;

import io.aurora.api.TaskQueries;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.HostAttributes;
import io.aurora.gen.JobKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.JobAttributeCounts;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.offers.HeldOffer;
import io.aurora.scheduling.offers.HostOffers;
import io.aurora.scheduling.preempt.AgentRoom;
import io.aurora.scheduling.preempt.Candidate;
import io.aurora.scheduling.preempt.Claimant;
import io.aurora.scheduling.preempt.PreemptionTiers;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.storage.StoreProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one slot search reads, taken from one read transaction and the offers held at the time:
 * every agent with an offer or with running tasks ({@link AgentRoom}s: slack from its offer,
 * its ASSIGNED, STARTING and RUNNING tasks as candidates), the pending groups, and the hosts of
 * each job's active tasks (for limit constraints).
 *
 * <p>Each distinct config is turned into a request and a candidate size once (the store hands
 * out one config object per config in a read), so reading 40,000 running tasks costs one small
 * record per task.
 */
final class ClusterView {
  private static final Set<ScheduleStatus> VICTIM_STATES =
      Set.of(ScheduleStatus.ASSIGNED, ScheduleStatus.STARTING, ScheduleStatus.RUNNING);

  /** A pending group: one config, its claimant and the ids of its PENDING tasks, oldest first. */
  record PendingGroup(TaskConfig config, Claimant claimant, List<String> dueIds,
      long pendingSinceMs) {}

  /** What a config means for preemption, worked out once per config and read. */
  private record Derived(TaskRequest request, boolean preemptible, boolean revocable) {}

  final List<AgentRoom> rooms = new ArrayList<>();
  final Map<TaskConfig, PendingGroup> pending = new LinkedHashMap<>();
  int missingAttributes;
  private final Map<JobKey, List<String>> jobAgents = new HashMap<>();
  private final Map<String, HostOffer> hostByAgent = new HashMap<>();

  /**
   * @param offers the offers held now
   * @param dueBeforeMs a PENDING task whose last event is at or before this may preempt
   */
  static ClusterView read(StoreProvider stores, List<HeldOffer> offers, long dueBeforeMs,
      PreemptionTiers tiers, ExecutorSettings executor) {
    ClusterView view = new ClusterView();
    Map<String, MaintenanceMode> modes = stores.attributeStore().fetchMaintenanceModes();
    Map<String, HostOffer> slack = new HashMap<>();
    for (HeldOffer h : offers) {
      slack.putIfAbsent(h.agentId(), HostOffers.from(h.offer(),
          modes.getOrDefault(h.offer().getHostname(), MaintenanceMode.NONE)));
    }
    Map<TaskConfig, Derived> perConfig = new IdentityHashMap<>();
    Map<String, List<Candidate>> tasksByAgent = new LinkedHashMap<>();
    Map<String, String> hostOfAgent = new HashMap<>();
    Set<ScheduleStatus> statuses = new HashSet<>(VICTIM_STATES);
    statuses.add(ScheduleStatus.PENDING);
    for (ScheduledTask t : stores.taskStore().fetchTasks(
        TaskQueries.byStatuses(ScheduleStatus.PENDING, statuses.toArray(new ScheduleStatus[0]))
            .build())) {
      AssignedTask a = t.getAssignedTask();
      TaskConfig config = a.getTask();
      Derived derived = perConfig.computeIfAbsent(config, c -> new Derived(
          TaskRequest.of(c, executor), tiers.isPreemptible(c), tiers.isRevocable(c)));
      TaskRequest request = derived.request();
      boolean preemptible = derived.preemptible();
      if (t.getStatus() == ScheduleStatus.PENDING) {
        long since = lastEvent(t);
        if (since <= dueBeforeMs) {
          PendingGroup group = view.pending.computeIfAbsent(config, c -> new PendingGroup(c,
              new Claimant(request, c.getJob().getRole(), c.getPriority(), preemptible),
              new ArrayList<>(), since));
          group.dueIds().add(a.getTaskId());
        }
        continue;
      }
      String agent = a.getSlaveId();
      if (agent == null) {
        continue;
      }
      hostOfAgent.putIfAbsent(agent, a.getSlaveHost());
      view.jobAgents.computeIfAbsent(config.getJob(), j -> new ArrayList<>()).add(agent);
      tasksByAgent.computeIfAbsent(agent, k -> new ArrayList<>()).add(new Candidate(
          a.getTaskId(), config.getJob().getRole(), config.getPriority(), preemptible,
          derived.revocable(), request.need()));
    }
    for (Map.Entry<String, HostOffer> e : slack.entrySet()) {
      view.add(e.getValue(), tasksByAgent.getOrDefault(e.getKey(), List.of()));
    }
    for (Map.Entry<String, List<Candidate>> e : tasksByAgent.entrySet()) {
      if (slack.containsKey(e.getKey())) {
        continue;
      }
      String host = hostOfAgent.get(e.getKey());
      HostAttributes attributes =
          host == null ? null : stores.attributeStore().fetchHostAttributes(host).orElse(null);
      if (attributes == null) {
        view.missingAttributes++;
        continue;
      }
      HostOffer none = new HostOffer("", e.getKey(), host, toMap(attributes, host),
          attributes.isSetMode() ? attributes.getMode() : MaintenanceMode.NONE,
          ResourceBag.EMPTY, List.of(), 0);
      view.add(none, e.getValue());
    }
    return view;
  }

  private void add(HostOffer host, List<Candidate> tasks) {
    rooms.add(new AgentRoom(host, tasks));
    hostByAgent.put(host.agentId(), host);
  }

  /** Attribute counts of each job's active tasks, from the hosts they run on. */
  PlacementContext context(long nowMs) {
    return new PlacementContext(job -> {
      JobAttributeCounts counts = new JobAttributeCounts();
      for (String agent : jobAgents.getOrDefault(job, List.of())) {
        HostOffer host = hostByAgent.get(agent);
        if (host != null) {
          counts.add(host.attributes());
        }
      }
      return counts;
    }, nowMs);
  }

  private static long lastEvent(ScheduledTask task) {
    List<TaskEvent> events = task.getTaskEvents();
    return events == null || events.isEmpty() ? 0 : events.get(events.size() - 1).getTimestamp();
  }

  static Map<String, Set<String>> toMap(HostAttributes attributes, String host) {
    Map<String, Set<String>> out = new HashMap<>();
    if (attributes.isSetAttributes()) {
      attributes.getAttributes().forEach(a -> out.put(a.getName(), Set.copyOf(a.getValues())));
    }
    out.putIfAbsent(HostOffers.HOST_ATTRIBUTE, Set.of(host));
    return out;
  }
}
