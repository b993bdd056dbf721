package io.aurora.scheduling.runtime;

import com.google.common.base.Suppliers;
import com.google.common.base.Ticker;
import io.aurora.scheduling.assign.TaskAssigner;
import io.aurora.scheduling.assign.TaskInfoBuilder;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.maintenance.MaintenanceController;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.DriverListener;
import io.aurora.scheduling.offers.OfferBook;
import io.aurora.scheduling.preemptor.Preemptor;
import io.aurora.scheduling.pruning.TaskPruner;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.slacoord.SlaCoordinator;
import io.aurora.scheduling.state.RescheduleCalculator;
import io.aurora.scheduling.timer.ClockJumps;
import io.aurora.scheduling.timer.TimerQueue;
import io.aurora.scheduling.updater.JobUpdateController;
import io.aurora.scheduling.updater.UpdateHistoryPruner;
import io.aurora.scheduling.write.StateChanges;
import io.aurora.scheduling.write.StateManager;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.scheduling.write.TaskIds;
import io.aurora.storage.Storage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling runtime assembled: state manager, offer book, assigner, scheduling loop, status
 * batcher, timers, reconciler, the job updater, cron triggers, and the pruners of task and job
 * update history over one {@link Storage} and one {@link Driver}. The process (or an embedder)
 * builds it, subscribes the driver with {@link #listener()}, and calls {@link #start} once storage
 * is recovered and this scheduler leads.
 *
 * <p>Rounds and timers run on the one {@link ScheduledExecutorService} given to {@link #start};
 * with a single thread, they never overlap. Status update batches run on the injected
 * {@code statusUpdateThreads} (up to {@link StatusUpdateBatcher#DEFAULT_IN_FLIGHT} batches at
 * once), so that a batch waiting for its durable write holds up neither rounds nor the next batch, and a round's write does not delay
 * acknowledgements: the storage serializes the writes and commits those in flight together. Cron
 * trigger batches, which also wait for their writes, run on the injected {@code cronThreads}.
 * The preemptor's slot search runs on {@code statusUpdateThreads} too, every
 * {@code -preemption_slot_search_interval}, reading a snapshot, so that it never delays a round.
 * Events that arrive between subscribing and {@link #start} are kept (offers held, updates
 * queued) and handled on start.
 */
public final class SchedulerRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerRuntime.class);
  private static final long NO_WAKE = Long.MIN_VALUE;
  /** A disagreement of wall and monotonic time this large is a step of the clock, not drift. */
  private static final Duration CLOCK_JUMP = Duration.ofSeconds(1);

  private final SchedulerRuntimeOptions options;
  private final Clock clock;
  private final StateManager stateManager;
  private final StateWriter writer;
  private final AfterCommitActions afterCommit;
  private final OfferBook offers;
  private final SchedulingLoop loop;
  private final Preemptor preemptor;
  /** Runs the preemption slot search, so that a search never delays a scheduling round. */
  private final Executor preemptionThreads;
  private final TimerQueue timers = new TimerQueue();
  private final ClockJumps clockJumps;
  private final TaskTimers taskTimers;
  private final TaskReconciler reconciler;
  private final TaskPruner pruner;
  private final JobUpdateController updates;
  private final UpdateHistoryPruner updatePruner;
  private final CronTriggers cron;
  private final MaintenanceController maintenance;
  private final LaunchFailures launchFailures;
  private final StatusUpdateBatcher statusUpdates;
  private final SchedulerEvents events;
  private final Random random;
  private final Ticker ticker;
  private final AtomicBoolean roundQueued = new AtomicBoolean();
  /** When the delayed round the loop asked for is due (ticker time), or NO_WAKE. */
  private final AtomicLong wakeAt = new AtomicLong(NO_WAKE);
  /** When the one-shot run of due timers is set (epoch ms), or NO_WAKE. */
  private final AtomicLong timersWakeAt = new AtomicLong(NO_WAKE);
  private volatile ScheduledExecutorService executor;
  private final Object reconcileLock = new Object();
  /** A subscription came before {@link #start}: its reconciliation runs when start does. */
  private boolean reconcileAtStart;

  /**
   * @param chain the placement filter ({@link FilterChain#standard} plus any custom checks)
   * @param scorer the offer ranking
   * @param onFatalError called when the master reports a fatal error
   * @param registry where the runtime's meters are registered
   * @param statusUpdateThreads runs status update batches, which block on storage writes; best
   *     with {@link StatusUpdateBatcher#DEFAULT_IN_FLIGHT} threads or more, and here also the
   *     cron trigger batches (the other constructor takes a pool of their own). The caller owns
   *     it (and shuts it down): the runtime creates no threads
   */
  public SchedulerRuntime(Storage storage, Driver driver, Clock clock, Random random,
      SchedulerRuntimeOptions options, FilterChain chain, Scorer scorer, Runnable onFatalError,
      MeterRegistry registry, Executor statusUpdateThreads) {
    this(storage, driver, clock, Ticker.systemTicker(), random, options, chain, scorer,
        onFatalError, registry, statusUpdateThreads, statusUpdateThreads);
  }

  /**
   * @param ticker monotonic time for the scheduling attempt rate limit, and what timers follow
   *     when the wall clock jumps: it must move with {@code clock} (a test's fake clock needs a
   *     ticker of its own, or advancing it looks like a step of the clock)
   * @param random offer hold jitter and the startup delay of recovered task groups
   * @param cronThreads runs the cron trigger batches, which block on storage writes; with
   *     {@code options.cron().writers()} threads, that many batches are written at once
   */
  public SchedulerRuntime(Storage storage, Driver driver, Clock clock, Ticker ticker, Random random,
      SchedulerRuntimeOptions options, FilterChain chain, Scorer scorer, Runnable onFatalError,
      MeterRegistry registry, Executor statusUpdateThreads, Executor cronThreads) {
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.clockJumps = new ClockJumps(clock, ticker, CLOCK_JUMP);
    RescheduleCalculator penalties = new RescheduleCalculator(options.reschedule());
    this.stateManager = new StateManager(clock, new TaskIds(), penalties, options.schedulerHost());
    // The writer acts on commits through afterCommit, whose timers write through the writer.
    this.writer = new StateWriter(storage, stateManager, this::actOnCommit);
    this.taskTimers = new TaskTimers(writer, driver, clock, timers, options.timers(), penalties);
    this.afterCommit = new AfterCommitActions(driver, taskTimers, this::kick);
    this.offers = new OfferBook(driver, clock, random, options.offers());
    this.updates = new JobUpdateController(writer, clock, timers,
        Objects.requireNonNull(registry, "registry"), options.updates(),
        java.util.UUID::randomUUID, options.maintenance().sla());
    this.preemptor = new Preemptor(writer, offers, chain, options.executor(), clock,
        updates.agentHolds(), options.preemption(), Objects.requireNonNull(registry, "registry"));
    this.loop = new SchedulingLoop(writer, offers,
        new TaskAssigner(chain, scorer, options.offers().staticBanCacheMaxSize()),
        new TaskInfoBuilder(options.executor(), options.revocability()),
        options.executor(), driver, clock, options.placement(), ticker, updates.agentHolds(),
        Optional.of(preemptor));
    this.preemptionThreads = Objects.requireNonNull(statusUpdateThreads, "statusUpdateThreads");
    this.reconciler = new TaskReconciler(storage, driver, clock, timers, options.reconcile());
    this.pruner = new TaskPruner(writer, clock, options.prune());
    this.updatePruner = new UpdateHistoryPruner(writer, clock, options.updates());
    this.cron = new CronTriggers(writer, clock, timers,
        Objects.requireNonNull(cronThreads, "cronThreads"), options.cron(),
        Objects.requireNonNull(registry, "registry"));
    // Coordinator checks are acted on (drains written) on the scheduling thread; the HTTP client
    // is only built when a job with a coordinator policy is first drained.
    this.maintenance = new MaintenanceController(writer, clock, timers, options.maintenance(),
        new SlaCoordinator(Suppliers.memoize(() -> HttpClient.newBuilder()
                .connectTimeout(options.maintenance().coordinator().timeout()).build()),
            options.maintenance().coordinator(), registry, this::onExecutor),
        registry);
    // Updates that arrive before start() wait in the batcher's queue; start() drains them.
    this.statusUpdates = new StatusUpdateBatcher(writer, driver,
        Objects.requireNonNull(statusUpdateThreads, "statusUpdateThreads"),
        options.maxStatusUpdateBatch(), StatusUpdateBatcher.DEFAULT_IN_FLIGHT,
        new StatusUpdateCounters(Objects.requireNonNull(registry, "registry")));
    statusUpdates.pause();
    this.launchFailures = new LaunchFailures(writer, driver, offers);
    this.events = new SchedulerEvents(writer, offers, statusUpdates, this::kick,
        this::reconcileOnSubscription, onFatalError,
        this::launchFailed, driver, maintenance::unavailable);
    registerMeters(Objects.requireNonNull(registry, "registry"));
  }

  // Aurora's names where Aurora has the meter.
  private void registerMeters(MeterRegistry registry) {
    Gauge.builder("outstanding_offers", offers, OfferBook::size).register(registry);
    FunctionCounter.builder("timed_out_tasks", taskTimers, TaskTimers::timedOutTasks)
        .register(registry);
    FunctionCounter.builder("task_launch_failures", launchFailures,
        LaunchFailures::launchFailures).register(registry);
    FunctionCounter.builder("task_kill_retries", taskTimers, TaskTimers::killRetries)
        .register(registry);
    FunctionCounter.builder("tasks_pruned", pruner, TaskPruner::tasksPruned).register(registry);
    FunctionCounter.builder("job_updates_pruned", updatePruner,
        UpdateHistoryPruner::updatesPruned).register(registry);
    FunctionCounter.builder("reconciliation_explicit_runs", reconciler,
        TaskReconciler::explicitRuns).register(registry);
    FunctionCounter.builder("reconciliation_implicit_runs", reconciler,
        TaskReconciler::implicitRuns).register(registry);
    FunctionCounter.builder("scheduling_rounds_with_launches", loop, SchedulingLoop::rounds)
        .register(registry);
    FunctionCounter.builder("tasks_launched", loop, SchedulingLoop::tasksLaunched)
        .register(registry);
    FunctionCounter.builder("schedule_attempts_fired", loop, SchedulingLoop::attemptsFired)
        .register(registry);
    FunctionCounter.builder("schedule_attempts_no_match", loop, SchedulingLoop::attemptsNoMatch)
        .register(registry);
    FunctionCounter.builder("schedule_attempts_blocks", loop, SchedulingLoop::attemptsBlocked)
        .register(registry);
    FunctionCounter.builder("scheduler_illegal_task_state_transitions", stateManager,
        StateManager::illegalTransitions).register(registry);
  }

  /**
   * The explicit reconciliation of every agent-assigned task that follows a subscription, run on
   * the executor: the subscription (and with it a new leader's way to ACTIVE) does not wait for a
   * read of every assigned task. Before {@link #start} it is kept for start to run first.
   */
  private void reconcileOnSubscription() {
    ScheduledExecutorService ex;
    synchronized (reconcileLock) {
      ex = executor;
      if (ex == null) {
        reconcileAtStart = true;
        return;
      }
    }
    reconcileOn(ex);
  }

  /** Queues one explicit reconciliation of every agent-assigned task on {@code ex}. */
  private void reconcileOn(ScheduledExecutorService ex) {
    ex.execute(() -> guarded(() -> reconciler.explicit(options.reconcile().explicitBatchSize())));
  }

  /** The listener to subscribe the driver with. */
  public DriverListener listener() {
    return events;
  }

  /** Starts the periodic work on {@code executor}: rounds, timers, offer declines, cron triggers. */
  public void start(ScheduledExecutorService executor) {
    boolean reconcileNow;
    synchronized (reconcileLock) {
      this.executor = Objects.requireNonNull(executor, "executor");
      reconcileNow = reconcileAtStart;
      reconcileAtStart = false;
    }
    if (reconcileNow) {
      reconcileOn(executor);
    }
    // A timer due before every other runs at its due time, not at the next tick (a cron minute
    // or an update's watch would otherwise start up to a tick late); the tick stays as the net.
    timers.onEarliest(this::runTimersAt);
    // Before the first round: the groups recovered as PENDING start at random times.
    loop.delayRecoveredGroups(options.maxStartupScheduleDelay(), random);
    taskTimers.recover();
    reconciler.schedule();
    pruner.schedule(timers);
    updatePruner.schedule(timers);
    cron.start();
    maintenance.start(this::onExecutor);
    long tick = options.timerTick().toMillis();
    executor.scheduleWithFixedDelay(() -> guarded(() -> {
      runDueTimers();
      offers.declineExpired();
    }), tick, tick, TimeUnit.MILLISECONDS);
    long interval = options.schedulingInterval().toMillis();
    executor.scheduleWithFixedDelay(this::kick, interval, interval, TimeUnit.MILLISECONDS);
    statusUpdates.resume();
    updates.start(executor);
    preemptor.start(executor, preemptionThreads);
    kick();
  }

  /** Asks for a scheduling round soon (coalesced). */
  public void kick() {
    ScheduledExecutorService ex = executor;
    if (ex != null && roundQueued.compareAndSet(false, true)) {
      ex.execute(() -> {
        roundQueued.set(false);
        guarded(() -> {
          loop.runOnce();
          loop.nextRoundDelay().ifPresent(this::kickIn);
        });
      });
    }
  }

  /**
   * Marks a failed launch's tasks LOST on the executor: the driver's thread must not wait for a
   * storage write. (Launches happen only after {@link #start}, so the executor is there.)
   */
  private void launchFailed(LaunchFailures.Failed failed) {
    ScheduledExecutorService ex = executor;
    if (ex == null) {
      guarded(() -> launchFailures.markLost(failed));
    } else {
      ex.execute(() -> guarded(() -> launchFailures.markLost(failed)));
    }
  }

  /** Runs the due timers at {@code due} on the executor, unless a run is already set by then. */
  private void runTimersAt(Instant due) {
    ScheduledExecutorService ex = executor;
    if (ex == null) {
      return;
    }
    long dueMs = due.toEpochMilli();
    long current = timersWakeAt.get();
    if (current != NO_WAKE && current <= dueMs) {
      return;
    }
    timersWakeAt.set(dueMs);
    long delayMs = Math.max(0, dueMs - clock.millis());
    ex.schedule(() -> {
      timersWakeAt.compareAndSet(dueMs, NO_WAKE);
      guarded(this::runDueTimers);
    }, delayMs, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the due timers, first moving them all with the wall clock if it jumped (an operator or
   * NTP stepping it): a timeout set for five minutes stays five minutes, neither firing at once
   * after a step forward nor stuck for the length of a step back. On the executor only.
   */
  private void runDueTimers() {
    Duration jump = clockJumps.check();
    if (!jump.isZero()) {
      timers.shift(jump);
      LOG.warn("The wall clock jumped by {} ms; {} pending timers moved with it",
          jump.toMillis(), timers.size());
    }
    timers.runDue(clock.instant());
  }

  /** Asks for a round after {@code delay}, unless one is already due by then. */
  private void kickIn(Duration delay) {
    ScheduledExecutorService ex = executor;
    if (ex == null) {
      return;
    }
    if (delay.isZero()) {
      kick();
      return;
    }
    long due = ticker.read() + delay.toNanos();
    long current = wakeAt.get();
    if (current != NO_WAKE && current - due <= 0) {
      return;
    }
    wakeAt.set(due);
    ex.schedule(() -> {
      wakeAt.compareAndSet(due, NO_WAKE);
      kick();
    }, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void actOnCommit(StateChanges changes) {
    afterCommit.afterCommit(changes);
    updates.onCommit(changes);
    maintenance.onCommit(changes);
  }

  /** Runs {@code work} on the scheduling executor (guarded), or here before {@link #start}. */
  private void onExecutor(Runnable work) {
    ScheduledExecutorService ex = executor;
    if (ex == null) {
      guarded(work);
    } else {
      ex.execute(() -> guarded(work));
    }
  }

  /** Host maintenance: modes, drains and the leader's drain passes. */
  public MaintenanceController maintenance() {
    return maintenance;
  }

  public StateManager stateManager() {
    return stateManager;
  }

  /** The one way to change task state: every write of the runtime and the API goes through it. */
  public StateWriter writer() {
    return writer;
  }

  public SchedulingLoop loop() {
    return loop;
  }

  /** The preemptor: its slot search runs on its own schedule from {@link #start}. */
  public Preemptor preemptor() {
    return preemptor;
  }

  public TaskTimers taskTimers() {
    return taskTimers;
  }

  /** The job updater: starts and steers updates, and moves them along as their tasks change. */
  public JobUpdateController updates() {
    return updates;
  }

  /** The cron trigger loop (started with the runtime). */
  public CronTriggers cron() {
    return cron;
  }

  public TaskReconciler reconciler() {
    return reconciler;
  }

  /** The default batch size of explicit reconciliation. */
  public int reconcileBatchSize() {
    return options.reconcile().explicitBatchSize();
  }

  public OfferBook offers() {
    return offers;
  }

  private static void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      // A failed round or timer must not cancel the periodic task; the next run retries.
      LOG.warn("Scheduling work failed", e);
    }
  }
}
