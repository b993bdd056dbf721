package io.aurora.scheduling.runtime;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.HostAttributes;
import io.aurora.gen.JobKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.assign.Assignment;
import io.aurora.scheduling.assign.AssignmentRound;
import io.aurora.scheduling.assign.PendingGroup;
import io.aurora.scheduling.assign.TaskAssigner;
import io.aurora.scheduling.assign.TaskInfoBuilder;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.JobAttributeCounts;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.filter.Veto;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.offers.HeldOffer;
import io.aurora.scheduling.offers.HostOffers;
import io.aurora.scheduling.offers.OfferBook;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.state.StateChanges;
import io.aurora.scheduling.state.StateManager;
import io.aurora.storage.Storage;
import io.aurora.storage.StoreProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskInfo;

/**
 * One scheduling round: all PENDING tasks, grouped by config, against all held offers.
 *
 * <ol>
 *   <li>Read (one read transaction): pending tasks, host maintenance modes.
 *   <li>Place with the {@link TaskAssigner} (pure, many tasks per offer).
 *   <li>Take the used offers out of the {@link OfferBook}.
 *   <li>One write transaction moves every placed task to ASSIGNED (a task that stopped being
 *       PENDING meanwhile is skipped).
 *   <li>Once that write is durable, one ACCEPT per offer with a LAUNCH of its tasks.
 * </ol>
 *
 * Not thread-safe: one thread runs rounds. {@link #pendingReasons} may be read from any thread.
 */
public final class SchedulingLoop {
  private final Storage storage;
  private final StateManager stateManager;
  private final OfferBook offers;
  private final TaskAssigner assigner;
  private final TaskInfoBuilder taskInfos;
  private final ExecutorSettings executor;
  private final Driver driver;
  private final ChangeListener listener;
  private final Clock clock;
  private final Map<TaskConfig, Veto> pendingReasons = new ConcurrentHashMap<>();
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong tasksLaunched = new AtomicLong();

  public SchedulingLoop(Storage storage, StateManager stateManager, OfferBook offers,
      TaskAssigner assigner, TaskInfoBuilder taskInfos, ExecutorSettings executor, Driver driver,
      ChangeListener listener, Clock clock) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.stateManager = Objects.requireNonNull(stateManager, "stateManager");
    this.offers = Objects.requireNonNull(offers, "offers");
    this.assigner = Objects.requireNonNull(assigner, "assigner");
    this.taskInfos = Objects.requireNonNull(taskInfos, "taskInfos");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Runs one round; returns the number of tasks launched. */
  public int runOnce() {
    List<HeldOffer> held = offers.offers();
    Map<TaskConfig, List<String>> byConfig = new LinkedHashMap<>();
    Map<String, MaintenanceMode> modes = new HashMap<>();
    storage.read(stores -> {
      for (ScheduledTask t : stores.taskStore().fetchTasks(
          TaskQueries.byStatuses(ScheduleStatus.PENDING).build())) {
        byConfig.computeIfAbsent(t.getAssignedTask().getTask(), k -> new ArrayList<>())
            .add(t.getAssignedTask().getTaskId());
      }
      for (HostAttributes a : stores.attributeStore().fetchHostAttributes()) {
        if (a.isSetMode()) {
          modes.put(a.getHost(), a.getMode());
        }
      }
      return null;
    });
    if (byConfig.isEmpty()) {
      pendingReasons.clear();
      return 0;
    }
    List<PendingGroup> groups = new ArrayList<>();
    byConfig.forEach((config, ids) ->
        groups.add(new PendingGroup(TaskRequest.of(config, executor), ids)));
    List<HostOffer> hostOffers = new ArrayList<>();
    Map<String, Offer> offerById = new HashMap<>();
    for (HeldOffer h : held) {
      hostOffers.add(HostOffers.from(h.offer(),
          modes.getOrDefault(h.offer().getHostname(), MaintenanceMode.NONE)));
      offerById.put(h.id(), h.offer());
    }
    AssignmentRound round = storage.read(stores ->
        assigner.assign(groups, hostOffers,
            new PlacementContext(job -> counts(stores, job), clock.millis())));
    pendingReasons.clear();
    pendingReasons.putAll(round.nearestVetoes());
    if (round.assignments().isEmpty()) {
      return 0;
    }
    Set<String> usedOffers = new LinkedHashSet<>();
    round.assignments().forEach(a -> usedOffers.add(a.offerId()));
    offers.take(usedOffers);

    StateChanges changes = new StateChanges();
    Map<String, List<AssignedTask>> assignedByOffer;
    try {
      assignedByOffer = storage.write(stores -> {
        Map<String, List<AssignedTask>> byOffer = new LinkedHashMap<>();
        for (Assignment a : round.assignments()) {
          Optional<AssignedTask> assigned = stateManager.assignTask(
              stores, a.taskId(), a.agentId(), a.hostname(), a.ports(), changes);
          assigned.ifPresent(t ->
              byOffer.computeIfAbsent(a.offerId(), k -> new ArrayList<>()).add(t));
        }
        return byOffer;
      });
    } catch (RuntimeException e) {
      // Nothing was stored, so nothing may launch; hand the taken offers back to Mesos rather
      // than leaving them held by nobody.
      List<OfferID> taken = new ArrayList<>();
      usedOffers.forEach(id -> taken.add(offerById.get(id).getId()));
      driver.decline(taken, offers.filters());
      throw e;
    }
    rounds.incrementAndGet();
    listener.afterCommit(changes);
    int launched = 0;
    for (String offerId : usedOffers) {
      // Built after the write: the writer lock is not held while tasks are serialized.
      List<TaskInfo> infos = new ArrayList<>();
      for (AssignedTask t : assignedByOffer.getOrDefault(offerId, List.of())) {
        infos.add(taskInfos.build(t));
      }
      Offer offer = offerById.get(offerId);
      if (infos.isEmpty()) {
        driver.decline(List.of(offer.getId()), offers.filters());
        continue;
      }
      driver.accept(List.of(OfferID.newBuilder().setValue(offerId).build()),
          List.of(Offer.Operation.newBuilder()
              .setType(Offer.Operation.Type.LAUNCH)
              .setLaunch(Offer.Operation.Launch.newBuilder().addAllTaskInfos(infos))
              .build()),
          offers.filters());
      launched += infos.size();
    }
    tasksLaunched.addAndGet(launched);
    return launched;
  }

  /** Rounds that assigned at least one task. */
  public long rounds() {
    return rounds.get();
  }

  /** Tasks launched so far. */
  public long tasksLaunched() {
    return tasksLaunched.get();
  }

  /** Why each pending group was not placed in the last round, by config. */
  public Map<TaskConfig, Veto> pendingReasons() {
    return Map.copyOf(pendingReasons);
  }

  private static JobAttributeCounts counts(StoreProvider stores, JobKey job) {
    JobAttributeCounts counts = new JobAttributeCounts();
    Map<String, Map<String, Set<String>>> hostAttrs = new HashMap<>();
    for (ScheduledTask t : stores.taskStore().fetchTasks(
        TaskQueries.byJob(job).statuses(Tasks.SLAVE_ASSIGNED_STATES).build())) {
      String host = t.getAssignedTask().getSlaveHost();
      if (host == null) {
        continue;
      }
      Map<String, Set<String>> attrs = hostAttrs.computeIfAbsent(host, h ->
          stores.attributeStore().fetchHostAttributes(h).map(SchedulingLoop::toMap).orElse(Map.of()));
      counts.add(attrs);
    }
    return counts;
  }

  private static Map<String, Set<String>> toMap(HostAttributes attributes) {
    Map<String, Set<String>> out = new HashMap<>();
    if (attributes.isSetAttributes()) {
      attributes.getAttributes().forEach(a -> out.put(a.getName(), Set.copyOf(a.getValues())));
    }
    return out;
  }
}
