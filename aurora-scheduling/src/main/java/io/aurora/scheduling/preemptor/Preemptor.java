package io.aurora.scheduling.preemptor;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.Veto;
import io.aurora.scheduling.offers.HeldOffer;
import io.aurora.scheduling.offers.OfferBook;
import io.aurora.scheduling.preempt.AgentRoom;
import io.aurora.scheduling.preempt.Candidate;
import io.aurora.scheduling.preempt.PreemptionSlot;
import io.aurora.scheduling.preempt.SlotSearch;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.updater.UpdateAgentHolds;
import io.aurora.scheduling.write.StateWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preemption, as Aurora does it, in two steps that never meet on the write path.
 *
 * <ol>
 *   <li>{@link #searchRound} (in the background, every {@code -preemption_slot_search_interval}):
 *       reads one snapshot ({@link ClusterView}), and for each group of PENDING tasks older than
 *       {@code -preemption_delay} finds up to {@code -preemption_reservation_max_batch_size}
 *       slots ({@link SlotSearch}), which it holds for {@code -preemption_slot_hold_time}. It
 *       writes nothing.
 *   <li>{@link #unplaced} (on the scheduling loop's thread, after a round): for each task the
 *       round could not place whose group has a held slot, re-checks the slot against the state
 *       now, moves its victims to PREEMPTING ("Preempting in favor of &lt;taskId&gt;"), all in
 *       one write, and holds the agent for that task for {@code -offer_reservation_duration}
 *       (through {@link UpdateAgentHolds}, the hold the loop already honours): the room the
 *       victims free goes to the task they were preempted for.
 * </ol>
 *
 * Thread-safe: one search runs at a time; {@link #unplaced} runs on the loop's one thread.
 */
public final class Preemptor {
  /** Aurora's message on a victim's PREEMPTING event, followed by the pending task's id. */
  public static final String MESSAGE = "Preempting in favor of ";

  /** How many search round times {@link #roundTimesNanos} keeps. */
  static final int ROUND_TIMES_KEPT = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(Preemptor.class);

  private final StateWriter writer;
  private final OfferBook offers;
  private final FilterChain chain;
  private final ExecutorSettings executor;
  private final Clock clock;
  private final UpdateAgentHolds holds;
  private final PreemptionOptions options;
  private final PreemptorCounters counters;
  private final HeldSlots slots;
  private final io.micrometer.core.instrument.Clock monotonic;
  private final AtomicBoolean searching = new AtomicBoolean();
  /** Why a group waits, while the preemptor is the reason; with the time it stops being true. */
  private final Map<TaskConfig, Reason> reasons = new ConcurrentHashMap<>();
  /** The times of the latest searches that had pending groups to search for (ns). */
  private final long[] roundTimes = new long[ROUND_TIMES_KEPT];
  /** The CPU time the searching thread spent in each of those searches (ns), same order. */
  private final long[] roundCpuTimes = new long[ROUND_TIMES_KEPT];
  private long roundsTimed;

  private record Reason(Veto veto, long untilMs, boolean preempted) {}

  public Preemptor(StateWriter writer, OfferBook offers, FilterChain chain,
      ExecutorSettings executor, Clock clock, UpdateAgentHolds holds, PreemptionOptions options,
      MeterRegistry registry) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.offers = Objects.requireNonNull(offers, "offers");
    this.chain = Objects.requireNonNull(chain, "chain");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.holds = Objects.requireNonNull(holds, "holds");
    this.options = Objects.requireNonNull(options, "options");
    this.counters = new PreemptorCounters(Objects.requireNonNull(registry, "registry"));
    this.slots = new HeldSlots(options.slotHoldTime().toMillis());
    this.monotonic = registry.config().clock();
  }

  /**
   * Schedules the slot search on {@code timer}, run on {@code background} so that a search never
   * delays a scheduling round; nothing if {@code -enable_preemptor} is off.
   */
  public void start(ScheduledExecutorService timer, Executor background) {
    if (!options.enabled()) {
      return;
    }
    timer.scheduleWithFixedDelay(() -> {
      if (searching.compareAndSet(false, true)) {
        background.execute(() -> {
          try {
            searchRound();
          } catch (RuntimeException e) {
            LOG.warn("Preemption slot search failed", e);
          } finally {
            searching.set(false);
          }
        });
      }
    }, options.searchInitialDelay().toMillis(), options.searchInterval().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** One slot search over a snapshot; returns the number of slots found. */
  public int searchRound() {
    long started = monotonic.monotonicTime();
    long cpuStarted = threadCpuNanos();
    long nowMs = clock.millis();
    UpdateAgentHolds.Snapshot holding = holds.snapshot(nowMs);
    ClusterView view = writer.storage().read(stores -> ClusterView.read(stores, offers.offers(),
        nowMs - options.delay().toMillis(), options.tiers(), executor));
    counters.missingAttributes.increment(view.missingAttributes);
    slots.retain(view.pending.keySet());
    Set<String> unavailable = new HashSet<>(slots.agents(nowMs));
    for (AgentRoom room : view.rooms) {
      if (holding.isHeld(room.agentId())) {
        unavailable.add(room.agentId());
      }
    }
    SlotSearch search = new SlotSearch(chain, view.rooms, unavailable);
    PlacementContext context = view.context(nowMs);
    List<ClusterView.PendingGroup> groups = new ArrayList<>(view.pending.values());
    // Oldest first: the task that has waited longest gets the cheapest room.
    groups.sort((a, b) -> Long.compare(a.pendingSinceMs(), b.pendingSinceMs()));
    int found = 0;
    for (ClusterView.PendingGroup group : groups) {
      int want = Math.min(options.maxBatchSize(),
          group.dueIds().size() - slots.count(group.config(), nowMs));
      if (want <= 0) {
        continue;
      }
      List<PreemptionSlot> got = search.find(group.claimant(), want, context);
      counters.searched(!group.claimant().preemptible(), !got.isEmpty());
      for (PreemptionSlot slot : got) {
        slots.add(group.config(), slot, nowMs);
        reasons.put(group.config(), new Reason(Veto.custom("Preemption slot found on agent "
            + slot.agentId() + "; preempting at the next scheduling attempt", 1),
            nowMs + options.slotHoldTime().toMillis(), false));
      }
      found += got.size();
    }
    long elapsed = monotonic.monotonicTime() - started;
    counters.round.record(elapsed, TimeUnit.NANOSECONDS);
    if (!groups.isEmpty()) {
      long cpu = threadCpuNanos() - cpuStarted;
      synchronized (roundTimes) {
        int at = (int) (roundsTimed++ % ROUND_TIMES_KEPT);
        roundTimes[at] = elapsed;
        roundCpuTimes[at] = cpu;
      }
    }
    return found;
  }

  /**
   * The CPU time the searching thread spent in each of the searches {@link #roundTimesNanos}
   * reports (ns), in the same order: the search's own cost, without the time it waited for a
   * CPU that other threads or processes held.
   */
  public long[] roundCpuTimesNanos() {
    synchronized (roundTimes) {
      return Arrays.copyOf(roundCpuTimes, (int) Math.min(roundsTimed, ROUND_TIMES_KEPT));
    }
  }

  private static long threadCpuNanos() {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
  }

  /**
   * How long the latest searches with pending groups took (ns), up to {@value #ROUND_TIMES_KEPT}
   * of them, oldest first until that many were kept (benchmarks take percentiles of them).
   */
  public long[] roundTimesNanos() {
    synchronized (roundTimes) {
      return Arrays.copyOf(roundTimes, (int) Math.min(roundsTimed, ROUND_TIMES_KEPT));
    }
  }

  /**
   * Called with the tasks a scheduling round could not place, by group: preempts for each task
   * whose group has a held slot that still holds. Returns the number of victims preempted.
   */
  public int unplaced(Map<TaskConfig, List<String>> idsByGroup) {
    if (!options.enabled() || idsByGroup.isEmpty() || slots.isEmpty()) {
      return 0;
    }
    long nowMs = clock.millis();
    Map<String, PreemptionSlot> planned = new HashMap<>();
    Map<String, TaskConfig> groupOf = new HashMap<>();
    idsByGroup.forEach((config, ids) -> {
      List<PreemptionSlot> taken = slots.take(config, ids.size(), nowMs);
      for (int i = 0; i < taken.size(); i++) {
        planned.put(ids.get(i), taken.get(i));
        groupOf.put(ids.get(i), config);
      }
    });
    if (planned.isEmpty()) {
      return 0;
    }
    List<Preempted> done = writer.write((stores, changes) -> {
      List<Preempted> out = new ArrayList<>();
      List<HeldOffer> held = offers.offers();
      for (Map.Entry<String, PreemptionSlot> e : planned.entrySet()) {
        Optional<SlotCheck.Valid> valid = SlotCheck.recheck(stores, chain, e.getKey(),
            e.getValue(), held, options.tiers(), executor, nowMs);
        if (valid.isEmpty()) {
          counters.validationFailed.increment();
          continue;
        }
        counters.validationSuccess.increment();
        for (Candidate victim : valid.get().victims()) {
          writer.stateManager().changeState(stores, victim.taskId(),
              ScheduleStatus.PREEMPTING, Optional.of(MESSAGE + e.getKey()), changes);
          (victim.preemptible() ? counters.preemptedNonProd : counters.preemptedProd)
              .increment();
        }
        out.add(new Preempted(valid.get().pending(), e.getValue().agentId(),
            valid.get().hostname(), valid.get().victims().size()));
      }
      return out;
    });
    int victims = 0;
    long until = nowMs + options.reservationDuration().toMillis();
    for (Preempted p : done) {
      holds.reserve(p.task().getTask().getJob(), p.task().getInstanceId(), p.agentId(), until);
      reasons.put(groupOf.get(p.task().getTaskId()), new Reason(Veto.custom("Preempting "
          + p.victims() + " task(s) on " + p.hostname() + " to make room; the agent is held for "
          + "this task", 1), until, true));
      victims += p.victims();
    }
    return victims;
  }

  private record Preempted(AssignedTask task, String agentId, String hostname, int victims) {}

  /** The groups for which victims were preempted and whose agent is still held. */
  public Set<TaskConfig> awaitingRoom() {
    long nowMs = clock.millis();
    Set<TaskConfig> out = new HashSet<>();
    reasons.forEach((config, reason) -> {
      if (reason.preempted() && nowMs < reason.untilMs()) {
        out.add(config);
      }
    });
    return out;
  }

  /** Why groups wait on preemption now (a slot held, or victims being preempted for them). */
  public Map<TaskConfig, Veto> pendingReasons() {
    long nowMs = clock.millis();
    Map<TaskConfig, Veto> out = new HashMap<>();
    reasons.forEach((config, reason) -> {
      if (nowMs < reason.untilMs()) {
        out.put(config, reason.veto());
      } else {
        reasons.remove(config, reason);
      }
    });
    return out;
  }

}
