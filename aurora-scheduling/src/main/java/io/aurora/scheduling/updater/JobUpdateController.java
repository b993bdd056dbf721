package io.aurora.scheduling.updater;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdatePulseStatus;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.StartJobUpdateResult;
import io.aurora.scheduling.sla.SlaRules;
import io.aurora.scheduling.timer.TimerQueue;
import io.aurora.scheduling.update.JobDiff;
import io.aurora.scheduling.update.RoundResult;
import io.aurora.scheduling.update.UpdateProgress;
import io.aurora.scheduling.update.UpdateRound;
import io.aurora.scheduling.update.UpdateStatusMachine;
import io.aurora.scheduling.update.UpdateStatusMachine.Command;
import io.aurora.scheduling.update.UpdateStatusMachine.Outcome;
import io.aurora.scheduling.write.StateChanges;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.Storage;
import io.aurora.storage.TransientStorageException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job updater: it keeps the active updates in memory (one per job), answers the operator
 * calls that start and steer them, and moves them along as their tasks change.
 *
 * <h2>Event driven and batched</h2>
 *
 * <p>Every durable write hands its task changes to {@link #onCommit}, which marks the changed
 * instances of updating jobs dirty and asks for one evaluation pass on the scheduling executor
 * (asks made while a pass is queued are coalesced into it). A pass takes every mark at once and
 * runs an {@link UpdateRound} for each update concerned: first on a read, and only if some round
 * decided something, again inside ONE {@link StateWriter#write} that holds every kill, new task,
 * instance event and status change of every update. A status update batch of a thousand tasks
 * therefore costs one updater write, not a thousand. Tasks are read by job and instances, never
 * by a scan of all tasks. The pass's own write comes back as changes too; the rounds they cause
 * find nothing to do (a task being killed or pending means wait) and write nothing, so this does
 * not loop. Watch periods and pulse windows are timers on the runtime's {@link TimerQueue}.
 *
 * <h2>Consistency</h2>
 *
 * <p>One lock serializes passes and calls. A round works on a copy of an update's
 * {@link UpdateProgress} made inside the write's work (which storage may run again), and the copy
 * replaces the update in memory only once the write returned, that is, once it is durable.
 *
 * <h2>Failover</h2>
 *
 * <p>{@link #start} (when this scheduler starts leading) rebuilds every active update from its
 * stored history ({@link UpdateProgress#recover}) and evaluates all its instances in flight; an
 * instance already on its desired config is found so and not touched again.
 */
public final class JobUpdateController {
  private static final Logger LOG = LoggerFactory.getLogger(JobUpdateController.class);
  /** Wait before the marks of a pass whose write failed are tried again. */
  static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final StateWriter writer;
  private final Storage storage;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final UpdateCounters counters;
  private final UpdateAgentHolds holds;
  private final DirtyInstances dirty = new DirtyInstances();
  private final UpdateWakeups wakeups;
  private final SlaKillGate slaGate;
  private final AtomicBoolean passQueued = new AtomicBoolean();
  private final AtomicLong passWrites = new AtomicLong();
  private final Object lock = new Object();
  // Guarded by lock.
  private final Map<JobKey, UpdateProgress> active = new HashMap<>();
  // A copy of active's keys for onCommit, which must not wait for the lock.
  private volatile Set<JobKey> activeJobs = Set.of();
  private volatile Executor executor;

  /**
   * @param writer writes and reads through the runtime's one writer
   * @param timers the runtime's timer queue (watch periods, pulse windows)
   * @param registry where the update counters go
   * @param options update affinity
   */
  public JobUpdateController(StateWriter writer, Clock clock, TimerQueue timers,
      MeterRegistry registry, UpdateOptions options) {
    this(writer, clock, timers, registry, options, UUID::randomUUID);
  }

  /** @param ids update ids (tests pass a predictable source) */
  public JobUpdateController(StateWriter writer, Clock clock, TimerQueue timers,
      MeterRegistry registry, UpdateOptions options, Supplier<UUID> ids) {
    this(writer, clock, timers, registry, options, ids, SlaRules.DEFAULTS);
  }

  /**
   * @param sla the relaxations of the SLA checks of SLA-aware updates (those of host
   *     maintenance: {@code -min_required_instances_for_sla_check}, {@code -sla_aware_kill_non_prod})
   */
  public JobUpdateController(StateWriter writer, Clock clock, TimerQueue timers,
      MeterRegistry registry, UpdateOptions options, Supplier<UUID> ids, SlaRules sla) {
    this.slaGate = new SlaKillGate(Objects.requireNonNull(sla, "sla"));
    this.writer = Objects.requireNonNull(writer, "writer");
    this.storage = writer.storage();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.counters = new UpdateCounters(Objects.requireNonNull(registry, "registry"));
    this.holds = new UpdateAgentHolds(Objects.requireNonNull(options, "options"));
    this.wakeups = new UpdateWakeups(Objects.requireNonNull(timers, "timers"), dirty,
        this::requestPass);
  }

  /**
   * Starts updating on {@code executor} (the runtime's scheduling executor): recovers the active
   * updates from storage and evaluates them. Called once, when this scheduler leads.
   */
  public void start(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    synchronized (lock) {
      List<JobUpdateDetails> stored = storage.read(UpdateStores::activeUpdates);
      for (JobUpdateDetails details : stored) {
        UpdateProgress p;
        try {
          p = UpdateProgress.recover(details);
        } catch (RuntimeException e) {
          LOG.error("Cannot resume update {}: {}", details.getUpdate().getSummary().getKey(),
              e.getMessage(), e);
          continue;
        }
        active.put(p.job(), p);
        dirty.markAll(p.job());
        armPulseCheck(p);
        LOG.info("Resuming update {} of {} ({})", p.key().getId(),
            JobKeys.canonicalString(p.job()), p.status());
      }
      refreshActiveJobs();
      this.executor = executor;
    }
    requestPass();
  }

  /** Marks the changed instances of updating jobs dirty; called after every durable write. */
  public void onCommit(StateChanges changes) {
    Set<JobKey> jobs = activeJobs;
    if (jobs.isEmpty()) {
      return;
    }
    boolean any = false;
    for (StateChanges.Change change : changes.changes()) {
      if (jobs.contains(change.job())) {
        dirty.mark(change.job(), change.instanceId());
        any = true;
      }
    }
    if (any) {
      requestPass();
    }
  }

  /**
   * Starts an update: stores it with its first event (ROLLING_FORWARD, or
   * ROLL_FORWARD_AWAITING_PULSE if it needs pulses) and begins evaluating it.
   *
   * @return the update's key and summary, or empty if it would change nothing
   * @throws UpdateRefusedException if the job is a cron job, already has an active update, or
   *     the scope names instances outside the job and the request
   */
  public Optional<StartJobUpdateResult> startUpdate(NewUpdate request, String user,
      String message) {
    Objects.requireNonNull(request, "request");
    synchronized (lock) {
      checkStarted();
      long now = clock.millis();
      JobUpdateKey key = new JobUpdateKey(request.job().deepCopy(), ids.get().toString());
      JobUpdateStatus initial = request.settings().isSetBlockIfNoPulsesAfterMs()
          && request.settings().getBlockIfNoPulsesAfterMs() > 0
          ? JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE : JobUpdateStatus.ROLLING_FORWARD;
      Optional<JobUpdate> stored = writer.write((stores, changes) ->
          UpdateStarts.store(stores, request, key, initial, user, message, now));
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      counters.recorded(new JobUpdateEvent(initial, now));
      UpdateProgress p = UpdateProgress.begin(stored.get(), initial, now);
      active.put(p.job(), p);
      refreshActiveJobs();
      dirty.markAll(p.job());
      LOG.info("Started update {} of {} ({})", key.getId(), JobKeys.canonicalString(p.job()),
          initial);
      JobUpdate update = stored.get();
      StartJobUpdateResult result = new StartJobUpdateResult(key.deepCopy())
          .setUpdateSummary(update.getSummary().deepCopy());
      requestPass();
      return Optional.of(result);
    }
  }

  /**
   * What {@code request} would change in its job now ({@code getJobUpdateDiff}).
   *
   * @throws UpdateRefusedException for a cron job, or a scope naming instances outside the job
   *     and the request
   */
  public JobDiff diff(NewUpdate request) {
    Objects.requireNonNull(request, "request");
    return storage.read(stores -> UpdateStarts.diff(stores, request));
  }

  /** Pauses an active update (PAUSE of {@link UpdateStatusMachine}). */
  public void pause(JobUpdateKey key, String user, String message) {
    command(key, Command.PAUSE, user, message);
  }

  /** Resumes a paused update (RESUME). */
  public void resume(JobUpdateKey key, String user, String message) {
    command(key, Command.RESUME, user, message);
  }

  /** Rolls an active forward update back (ROLLBACK). */
  public void rollback(JobUpdateKey key, String user, String message) {
    command(key, Command.ROLLBACK, user, message);
  }

  /** Ends an active update ABORTED, leaving its tasks as they are (ABORT). */
  public void abort(JobUpdateKey key, String user, String message) {
    command(key, Command.ABORT, user, message);
  }

  /**
   * Records a pulse of a coordinated update: one waiting for a pulse rolls on.
   *
   * @return OK for an active update, FINISHED for one that has ended
   * @throws UpdateRefusedException if there is no such update
   */
  public JobUpdatePulseStatus pulse(JobUpdateKey key) {
    synchronized (lock) {
      checkStarted();
      Optional<UpdateProgress> found = activeWithKey(key);
      if (found.isEmpty()) {
        stored(key);
        return JobUpdatePulseStatus.FINISHED;
      }
      UpdateProgress p = found.get();
      long now = clock.millis();
      p.pulse(now);
      if (UpdateStatusMachine.AWAITING_PULSE.contains(p.status())) {
        JobUpdateStatus next = UpdateStatusMachine.rolling(p.status());
        writeStatus(key, new JobUpdateEvent(next, now));
        p.moveTo(next);
        dirty.markAll(p.job());
        requestPass();
      }
      armPulseCheck(p);
      return JobUpdatePulseStatus.OK;
    }
  }

  /** The agents held for the replacements of killed instances (update affinity). */
  public UpdateAgentHolds agentHolds() {
    return holds;
  }

  /** Evaluation passes that wrote (for tests and benchmarks). */
  public long passWrites() {
    return passWrites.get();
  }

  /** The status of {@code job}'s active update as this updater holds it, if it has one. */
  public Optional<JobUpdateStatus> activeStatus(JobKey job) {
    synchronized (lock) {
      return Optional.ofNullable(active.get(job)).map(UpdateProgress::status);
    }
  }

  private void command(JobUpdateKey key, Command command, String user, String message) {
    Objects.requireNonNull(key, "key");
    synchronized (lock) {
      checkStarted();
      Optional<UpdateProgress> found = activeWithKey(key);
      if (found.isEmpty()) {
        JobUpdateDetails details = stored(key);
        Outcome ended = UpdateStatusMachine.apply(command,
            details.getUpdate().getSummary().getState().getStatus(), false);
        throw new UpdateRefusedException("Update " + key.getId() + ": " + ended.refusal());
      }
      UpdateProgress p = found.get();
      long now = clock.millis();
      Outcome outcome = UpdateStatusMachine.apply(command, p.status(), p.pulseOverdue(now));
      if (!outcome.applies()) {
        throw new UpdateRefusedException("Update " + key.getId() + ": " + outcome.refusal());
      }
      JobUpdateStatus next = outcome.target().orElseThrow();
      JobUpdateEvent event = new JobUpdateEvent(next, now).setUser(user);
      if (message != null && !message.isEmpty()) {
        event.setMessage(message);
      }
      writeStatus(key, event);
      if (next == JobUpdateStatus.ROLLING_BACK) {
        p.beginRollback(now);
      } else {
        p.moveTo(next);
      }
      LOG.info("Update {} of {}: {} by {}", key.getId(), JobKeys.canonicalString(p.job()), next,
          user);
      if (!UpdateStatusMachine.isActive(next)) {
        forget(p.job());
      } else if (UpdateStatusMachine.isRolling(next)) {
        dirty.markAll(p.job());
        armPulseCheck(p);
        requestPass();
      }
    }
  }

  private void writeStatus(JobUpdateKey key, JobUpdateEvent event) {
    writer.write((stores, changes) -> {
      stores.jobUpdateStore().saveJobUpdateEvent(key, event.deepCopy());
      return null;
    });
    counters.recorded(event);
  }

  private Optional<UpdateProgress> activeWithKey(JobUpdateKey key) {
    UpdateProgress p = key.getJob() == null ? null : active.get(key.getJob());
    return p != null && p.key().equals(key) ? Optional.of(p) : Optional.empty();
  }

  private JobUpdateDetails stored(JobUpdateKey key) {
    return storage.read(s -> s.jobUpdateStore().fetchJobUpdate(key)).orElseThrow(() ->
        new UpdateRefusedException("No update with id " + key.getId() + " for job "
            + (key.getJob() == null ? "(none)" : JobKeys.canonicalString(key.getJob()))));
  }

  private void checkStarted() {
    if (executor == null) {
      throw new TransientStorageException(
          "the job updater has not started: this scheduler is not leading yet");
    }
  }

  // The evaluation pass.

  private void requestPass() {
    Executor ex = executor;
    if (ex != null && passQueued.compareAndSet(false, true)) {
      ex.execute(() -> {
        passQueued.set(false);
        try {
          runPass();
        } catch (RuntimeException e) {
          LOG.warn("Job update evaluation failed", e);
        }
      });
    }
  }

  /** Evaluates every update with marks, in one write if anything is to be written. */
  private void runPass() {
    synchronized (lock) {
      DirtyInstances.Drained marks = dirty.drain();
      Map<JobKey, UpdateProgress> work = new LinkedHashMap<>();
      for (JobKey job : marks.jobs()) {
        UpdateProgress p = active.get(job);
        if (p != null && UpdateStatusMachine.isRolling(p.status())) {
          work.put(job, p);
        }
      }
      if (work.isEmpty()) {
        return;
      }
      long now = clock.millis();
      UpdatePass.Outcome outcome;
      try {
        outcome = UpdatePass.run(writer, work, marks, now, slaGate);
      } catch (RuntimeException e) {
        dirty.restore(marks);
        LOG.warn("Job update evaluation pass failed; retrying in {}", RETRY_DELAY, e);
        work.keySet().forEach(job -> wakeups.update(job, now + RETRY_DELAY.toMillis()));
        return;
      }
      if (outcome.wrote()) {
        passWrites.incrementAndGet();
      }
      outcome.rounds().forEach(this::applyRound);
      refreshActiveJobs();
    }
  }

  private void applyRound(JobKey job, UpdatePass.Round round) {
    UpdateProgress p = round.progress();
    RoundResult result = round.result();
    result.instanceEvents().forEach(counters::recorded);
    result.statusEvents().forEach(counters::recorded);
    result.statusEvents().forEach(e -> LOG.info("Update {} of {}: {}{}", p.key().getId(),
        JobKeys.canonicalString(job), e.getStatus(),
        e.isSetMessage() ? " (" + e.getMessage() + ")" : ""));
    long now = clock.millis();
    for (RoundResult.Kill kill : result.kills()) {
      if (kill.holdAgent()) {
        holds.hold(job, kill.instance(), kill.task().agentId(), now);
      }
    }
    if (!UpdateStatusMachine.isActive(p.status())) {
      forget(job);
      return;
    }
    active.put(job, p);
    result.wakeups().forEach((instance, at) -> wakeups.instance(job, instance, at));
    armPulseCheck(p);
    if (result.again()) {
      dirty.markAll(job);
      requestPass();
    }
  }

  private void forget(JobKey job) {
    active.remove(job);
    dirty.forget(job);
    refreshActiveJobs();
  }

  /** Arms a look at the update when its pulse window ends, if it needs pulses and is rolling. */
  private void armPulseCheck(UpdateProgress p) {
    if (UpdateStatusMachine.isRolling(p.status())) {
      p.pulseDeadlineMs().ifPresent(at -> wakeups.update(p.job(), at));
    }
  }

  private void refreshActiveJobs() {
    activeJobs = Set.copyOf(active.keySet());
  }
}
