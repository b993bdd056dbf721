package io.aurora.scheduling.runtime;

import com.google.common.base.Ticker;
import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.HostAttributes;
import io.aurora.gen.JobKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.assign.Assignment;
import io.aurora.scheduling.assign.AssignmentRound;
import io.aurora.scheduling.assign.PendingGroup;
import io.aurora.scheduling.assign.TaskAssigner;
import io.aurora.scheduling.assign.TaskInfoBuilder;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.JobAttributeCounts;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.Veto;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.offers.HeldOffer;
import io.aurora.scheduling.offers.HostOffers;
import io.aurora.scheduling.offers.OfferBook;
import io.aurora.scheduling.preemptor.Preemptor;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.updater.UpdateAgentHolds;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.Storage;
import io.aurora.storage.StoreProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskInfo;

/**
 * One scheduling round: the PENDING tasks that are due, grouped by config, against all held
 * offers.
 *
 * <ol>
 *   <li>Read (one read transaction): pending tasks, host maintenance modes.
 *   <li>Pick the attempts: each due group is one attempt of at most
 *       {@code -max_tasks_per_schedule_attempt} of its tasks; each attempt takes a permit of the
 *       {@code -max_schedule_attempts_per_sec} limiter, and a round holds at most
 *       {@code -scheduling_max_batch_size} attempts (they share its one write).
 *   <li>Place with the {@link TaskAssigner} (pure, many tasks per offer), offers tried in the
 *       order of {@code -offer_order} ({@link OfferBook#ordered}).
 *   <li>Take the used offers out of the {@link OfferBook}.
 *   <li>One write transaction moves every placed task to ASSIGNED (a task that stopped being
 *       PENDING meanwhile is skipped).
 *   <li>Once that write is durable, one ACCEPT per offer with a LAUNCH of its tasks.
 *   <li>Pace the groups ({@link GroupBackoff}): a group that placed nothing backs off; work left
 *       over (a full batch, a group larger than one attempt, a group not yet due, no permit) sets
 *       {@link #nextRoundDelay} so the runtime comes back in time.
 * </ol>
 *
 * Not thread-safe: one thread runs rounds. {@link #pendingReasons} may be read from any thread.
 */
public final class SchedulingLoop {
  /** No pacing at all: every pending task of every group in every round (tests, embedders). */
  private static final PlacementOptions UNPACED = new PlacementOptions(Double.MAX_VALUE,
      Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO, Duration.ofMillis(1),
      Duration.ofMillis(1));

  private final Storage storage;
  private final UpdateAgentHolds holds;
  private final Optional<Preemptor> preemptor;
  /** Places the replacements held to one agent; keeps no static answers (one offer a call). */
  private final TaskAssigner heldAssigner;
  private final StateWriter writer;
  private final OfferBook offers;
  private final TaskAssigner assigner;
  private final TaskInfoBuilder taskInfos;
  private final Driver driver;
  private final Clock clock;
  private final RoundPacer pacer;
  private final Map<TaskConfig, Veto> pendingReasons = new ConcurrentHashMap<>();
  /** Each held offer's placement view, kept across rounds (rebuilt if its host's mode changes). */
  private final Map<String, HostOffer> hostOffers = new HashMap<>();
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong tasksLaunched = new AtomicLong();

  /** A loop without pacing: every pending task is tried in every round. */
  public SchedulingLoop(StateWriter writer, OfferBook offers, TaskAssigner assigner,
      TaskInfoBuilder taskInfos, ExecutorSettings executor, Driver driver, Clock clock) {
    this(writer, offers, assigner, taskInfos, executor, driver, clock,
        UpdateAgentHolds.disabled());
  }

  /** An unpaced loop that honours the job updater's agent holds (update affinity). */
  public SchedulingLoop(StateWriter writer, OfferBook offers, TaskAssigner assigner,
      TaskInfoBuilder taskInfos, ExecutorSettings executor, Driver driver, Clock clock,
      UpdateAgentHolds holds) {
    this(writer, offers, assigner, taskInfos, executor, driver, clock, UNPACED,
        Ticker.systemTicker(), holds);
  }

  /**
   * @param placement the rate limit, attempt and batch sizes and group backoff
   * @param ticker time for the rate limiter
   */
  public SchedulingLoop(StateWriter writer, OfferBook offers, TaskAssigner assigner,
      TaskInfoBuilder taskInfos, ExecutorSettings executor, Driver driver, Clock clock,
      PlacementOptions placement, Ticker ticker) {
    this(writer, offers, assigner, taskInfos, executor, driver, clock, placement, ticker,
        UpdateAgentHolds.disabled());
  }

  /**
   * @param placement the rate limit, attempt and batch sizes and group backoff
   * @param ticker time for the rate limiter
   * @param holds agents the job updater holds for replacements (update affinity)
   */
  public SchedulingLoop(StateWriter writer, OfferBook offers, TaskAssigner assigner,
      TaskInfoBuilder taskInfos, ExecutorSettings executor, Driver driver, Clock clock,
      PlacementOptions placement, Ticker ticker, UpdateAgentHolds holds) {
    this(writer, offers, assigner, taskInfos, executor, driver, clock, placement, ticker, holds,
        Optional.empty());
  }

  /**
   * @param holds agents held for a task: by the job updater for replacements (update affinity)
   *     and by the preemptor for the task it preempted for
   * @param preemptor given the tasks each round could not place, preempts for those whose group
   *     has a preemption slot
   */
  public SchedulingLoop(StateWriter writer, OfferBook offers, TaskAssigner assigner,
      TaskInfoBuilder taskInfos, ExecutorSettings executor, Driver driver, Clock clock,
      PlacementOptions placement, Ticker ticker, UpdateAgentHolds holds,
      Optional<Preemptor> preemptor) {
    this.preemptor = Objects.requireNonNull(preemptor, "preemptor");
    this.holds = Objects.requireNonNull(holds, "holds");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.heldAssigner = assigner.withoutCache();
    this.storage = writer.storage();
    this.offers = Objects.requireNonNull(offers, "offers");
    this.assigner = Objects.requireNonNull(assigner, "assigner");
    this.taskInfos = Objects.requireNonNull(taskInfos, "taskInfos");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pacer = new RoundPacer(Objects.requireNonNull(placement, "placement"),
        placement != UNPACED, ticker, Objects.requireNonNull(executor, "executor"),
        // The builder's revocability both splits requests here and marks launched resources
        // revocable, so a task is launched on exactly the kind of resources it was placed on.
        taskInfos.revocability());
  }

  /** Runs one round; returns the number of tasks launched. */
  public int runOnce() {
    pacer.startRound();
    UpdateAgentHolds.Snapshot holding = holds.snapshot(clock.millis());
    Map<String, UpdateAgentHolds.Instance> heldTasks = new HashMap<>();
    List<HeldOffer> held = offers.ordered();
    Map<TaskConfig, RoundPacer.Group> byConfig = new LinkedHashMap<>();
    Map<String, MaintenanceMode> modes = new HashMap<>();
    storage.read(stores -> {
      // The store hands out one config object per config in a read: group by identity first,
      // then by value (hashing a config is deep; once per group, not once per task).
      Map<TaskConfig, RoundPacer.Group> byIdentity = new IdentityHashMap<>();
      for (ScheduledTask t : stores.taskStore().fetchTasks(
          TaskQueries.byStatuses(ScheduleStatus.PENDING).build())) {
        RoundPacer.Group group = byIdentity.computeIfAbsent(t.getAssignedTask().getTask(),
            config -> byConfig.computeIfAbsent(config, k -> new RoundPacer.Group()));
        group.ids.add(t.getAssignedTask().getTaskId());
        group.pendingSinceMs = Math.min(group.pendingSinceMs, pendingSince(t));
        if (!holding.isEmpty()) {
          AssignedTask a = t.getAssignedTask();
          if (holding.agentFor(a.getTask().getJob(), a.getInstanceId()).isPresent()) {
            heldTasks.put(a.getTaskId(),
                new UpdateAgentHolds.Instance(a.getTask().getJob(), a.getInstanceId()));
          }
        }
      }
      // Only the modes: copying every host's attributes each round cost as much as the write.
      modes.putAll(stores.attributeStore().fetchMaintenanceModes());
      return null;
    });
    pacer.retain(byConfig.keySet());
    pendingReasons.keySet().retainAll(byConfig.keySet());
    if (byConfig.isEmpty()) {
      return 0;
    }
    long nowMs = clock.millis();
    RoundPacer.Attempts attempts = pacer.pick(byConfig, nowMs);
    if (attempts.groups.isEmpty()) {
      pacer.pace(attempts, Map.of(), nowMs);
      return 0;
    }
    List<HostOffer> views = hostOffers(held, modes);
    Map<String, Offer> offerById = new HashMap<>();
    held.forEach(h -> offerById.put(h.id(), h.offer()));
    AssignmentRound round = storage.read(stores -> AgentHoldPlacement.assign(assigner,
        heldAssigner, attempts.groups, views, holding, heldTasks,
        new PlacementContext(job -> counts(stores, job), nowMs)));
    for (PendingGroup group : attempts.groups) {
      pendingReasons.remove(group.request().config());
    }
    pendingReasons.putAll(round.nearestVetoes());
    Set<String> chosenOffers = new LinkedHashSet<>();
    round.assignments().forEach(a -> chosenOffers.add(a.offerId()));
    // The offers were read before placement: one declined (merged with a newer offer for its
    // agent) or rescinded meanwhile is no longer ours, and a launch on it would be LOST. Its
    // tasks stay PENDING for the next round.
    Set<String> usedOffers = new LinkedHashSet<>();
    offers.take(chosenOffers).forEach(h -> usedOffers.add(h.id()));
    List<Assignment> assignments = round.assignments().stream()
        .filter(a -> usedOffers.contains(a.offerId())).toList();
    Map<TaskConfig, Integer> placed = new HashMap<>();
    for (Assignment a : assignments) {
      placed.merge(attempts.configOf.get(a.taskId()), 1, Integer::sum);
    }
    pacer.pace(attempts, placed, nowMs);
    if (assignments.isEmpty()) {
      preemptFor(attempts.groups, assignments, heldTasks);
      return 0;
    }
    usedOffers.forEach(this.hostOffers::remove);
    int launched = launch(assignments, usedOffers, offerById, attempts.configOf);
    for (Assignment a : assignments) {
      UpdateAgentHolds.Instance replaced = heldTasks.get(a.taskId());
      if (replaced != null) {
        holds.release(replaced.job(), replaced.instance());
      }
    }
    preemptFor(attempts.groups, assignments, heldTasks);
    return launched;
  }

  /**
   * Hands the tasks this round tried and could not place to the preemptor, by group; a task
   * waiting for an agent held for it is not among them (its room is on the way).
   */
  private void preemptFor(List<PendingGroup> groups, List<Assignment> assignments,
      Map<String, UpdateAgentHolds.Instance> heldTasks) {
    if (preemptor.isEmpty()) {
      return;
    }
    Set<String> placedIds = new HashSet<>();
    assignments.forEach(a -> placedIds.add(a.taskId()));
    Map<TaskConfig, List<String>> unplaced = new LinkedHashMap<>();
    for (PendingGroup group : groups) {
      for (String id : group.taskIds()) {
        if (!placedIds.contains(id) && !heldTasks.containsKey(id)) {
          unplaced.computeIfAbsent(group.request().config(), k -> new ArrayList<>()).add(id);
        }
      }
    }
    preemptor.get().unplaced(unplaced);
    // A task whose victims are being preempted waits only for them to end: its group does not
    // back off meanwhile, so it is placed in the first round after the agent offers the room.
    preemptor.get().awaitingRoom().forEach(pacer::forget);
  }

  private int launch(List<Assignment> assignments, Set<String> usedOffers,
      Map<String, Offer> offerById,
      Map<String, TaskConfig> configOf) {
    Map<String, List<AssignedTask>> assignedByOffer;
    try {
      // Durable and acted on (timers armed) before any ACCEPT is built.
      assignedByOffer = writer.write((stores, changes) -> {
        Map<String, List<AssignedTask>> byOffer = new LinkedHashMap<>();
        for (Assignment a : assignments) {
          Optional<AssignedTask> assigned = writer.stateManager().assignTask(
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
    int launched = 0;
    for (String offerId : usedOffers) {
      // Built after the write: the writer lock is not held while tasks are serialized.
      List<TaskInfo> infos = new ArrayList<>();
      for (AssignedTask t : assignedByOffer.getOrDefault(offerId, List.of())) {
        // The group's one config object (equal to the task's): the builder reuses its work.
        TaskConfig shared = configOf.get(t.getTaskId());
        if (shared != null) {
          t.setTask(shared);
        }
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

  /** The placement view of the held offers, reusing last round's where offer and mode match. */
  private List<HostOffer> hostOffers(List<HeldOffer> held, Map<String, MaintenanceMode> modes) {
    Map<String, HostOffer> current = new HashMap<>(held.size() * 2);
    List<HostOffer> out = new ArrayList<>(held.size());
    // Hosts SCHEDULED for maintenance still take tasks, but last: what lands there now will have
    // to move again soon.
    List<HostOffer> scheduled = new ArrayList<>();
    for (HeldOffer h : held) {
      MaintenanceMode mode = modes.getOrDefault(h.offer().getHostname(), MaintenanceMode.NONE);
      HostOffer cached = hostOffers.get(h.id());
      HostOffer view = cached != null && cached.mode() == mode
          ? cached : HostOffers.from(h.offer(), mode);
      current.put(h.id(), view);
      (mode == MaintenanceMode.SCHEDULED ? scheduled : out).add(view);
    }
    out.addAll(scheduled);
    hostOffers.clear();
    hostOffers.putAll(current);
    return out;
  }

  /**
   * When the next round should run to continue this one's work (a full batch, tasks beyond one
   * attempt, groups backing off, no permit free), or empty if only new events need a round.
   */
  public Optional<Duration> nextRoundDelay() {
    return pacer.nextRoundDelay();
  }

  /**
   * Delays every group pending now by a random time in [0, {@code maxDelay}) before its first
   * attempt, as Aurora does for the tasks it recovers when it becomes leader
   * ({@code -max_reschedule_task_delay_on_startup}). Call before the first round.
   */
  public void delayRecoveredGroups(Duration maxDelay, Random random) {
    if (!pacer.paced()) {
      return;
    }
    Set<TaskConfig> recovered = new HashSet<>();
    storage.read(stores -> {
      Map<TaskConfig, Boolean> seen = new IdentityHashMap<>();
      for (ScheduledTask t : stores.taskStore().fetchTasks(
          TaskQueries.byStatuses(ScheduleStatus.PENDING).build())) {
        if (seen.put(t.getAssignedTask().getTask(), Boolean.TRUE) == null) {
          recovered.add(t.getAssignedTask().getTask());
        }
      }
      return null;
    });
    pacer.delayRecovered(recovered, maxDelay, random, clock.millis());
  }

  /** Scheduling attempts made (one per task group per round) ({@code schedule_attempts_fired}). */
  public long attemptsFired() {
    return pacer.attemptsFired();
  }

  /** Attempts that placed nothing ({@code schedule_attempts_no_match}). */
  public long attemptsNoMatch() {
    return pacer.attemptsNoMatch();
  }

  /**
   * Rounds cut short because the attempt rate limit had no permit free
   * ({@code schedule_attempts_blocks}).
   */
  public long attemptsBlocked() {
    return pacer.attemptsBlocked();
  }

  private static long pendingSince(ScheduledTask task) {
    List<TaskEvent> events = task.getTaskEvents();
    return events == null || events.isEmpty() ? 0 : events.get(events.size() - 1).getTimestamp();
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
    if (preemptor.isEmpty()) {
      return Map.copyOf(pendingReasons);
    }
    // Where the preemptor is why a group waits (a slot held, victims being preempted), it says
    // so rather than the veto that sent the group to it.
    Map<TaskConfig, Veto> out = new HashMap<>(pendingReasons);
    preemptor.get().pendingReasons().forEach((config, veto) -> out.replace(config, veto));
    return Map.copyOf(out);
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
