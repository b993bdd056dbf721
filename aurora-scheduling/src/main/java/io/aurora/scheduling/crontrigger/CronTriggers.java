package io.aurora.scheduling.crontrigger;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.scheduling.cron.CronRuns;
import io.aurora.scheduling.cron.CronSchedule;
import io.aurora.scheduling.timer.TimerQueue;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.Storage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cron trigger loop of the leading scheduler.
 *
 * <p><b>Timers.</b> Every cron template has one timer on the runtime's {@link TimerQueue}, due at
 * its schedule's next fire time in {@link CronOptions#timeZone()}. The timer queue cannot cancel,
 * so each arming gets a new generation and a timer whose generation is no longer the job's does
 * nothing: replacing or descheduling a template ({@link #templateChanged}) simply re-arms or
 * forgets the job. A due timer only queues a trigger and returns, so ten thousand templates due in
 * the same minute cost the timer thread ten thousand queue insertions.
 *
 * <p><b>Writes.</b> Triggers and delayed-launch checks are handled by {@link TriggerLanes}: up to
 * {@link CronOptions#maxBatchSize()} of them per storage write, {@link CronOptions#writers()}
 * writes at once on the injected executor (the writes wait for the log, so they must not run on
 * the timer thread, which also drives scheduling rounds). A job's items share one lane, so its
 * triggers are decided one after another; what a write decided ({@link CronWrites}) is acted on
 * here only once it is durable: counters, the next timer, the wait of a KILL_EXISTING launch.
 *
 * <p><b>KILL_EXISTING.</b> The trigger kills the previous run's active tasks (KILLING, "Killed by
 * cronScheduler") and, in the same write, starts the new run if nothing is left to wait for
 * (PENDING tasks are deleted at once). Otherwise the job waits: a check runs after
 * {@link CronOptions#initialBackoff()}, then after twice that, up to
 * {@link CronOptions#maxBackoff()}, and starts the run once the job has no active task.
 * Triggers of a waiting job are ignored ({@code cron_job_concurrent_runs}).
 *
 * <p><b>Failover.</b> Only the leader fires: {@link #start} runs when this scheduler starts
 * leading. It arms every template at its first due time after now, and after the start of the
 * job's latest run (its tasks' creation times, which the log holds): a trigger whose run the old
 * leader wrote is not run again, even if that leader's clock ran ahead. Due times missed while no
 * scheduler led are not caught up (Aurora's rule). A KILL_EXISTING launch the old leader left
 * waiting is found from the tasks ({@link CronRuns}) and finished once.
 */
public final class CronTriggers {
  private static final Logger LOG = LoggerFactory.getLogger(CronTriggers.class);

  /** A template's timer: what it fires, when, and under which generation. */
  private record Armed(CronSchedule schedule, Instant due, long generation) {}

  private final Storage storage;
  private final Clock clock;
  private final TimerQueue timers;
  private final CronOptions options;
  private final CronCounters counters;
  private final CronWrites writes;
  private final TriggerLanes lanes;
  /** Jobs whose KILL_EXISTING launch waits, with the wait before their next check. */
  private final Map<JobKey, Duration> waiting = new ConcurrentHashMap<>();
  // Guarded by this.
  private final Map<JobKey, Armed> armed = new HashMap<>();
  private long generations;
  private boolean started;

  /**
   * @param writer every write goes through it, so kills and new tasks are acted on after commit
   * @param timers the runtime's timer queue (its thread runs the due timers)
   * @param executor runs the trigger writes, which block until durable; needs
   *     {@link CronOptions#writers()} threads to write that many batches at once
   */
  public CronTriggers(StateWriter writer, Clock clock, TimerQueue timers, Executor executor,
      CronOptions options, MeterRegistry registry) {
    this.storage = Objects.requireNonNull(writer, "writer").storage();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timers = Objects.requireNonNull(timers, "timers");
    this.options = Objects.requireNonNull(options, "options");
    this.counters = new CronCounters(registry);
    this.writes = new CronWrites(writer);
    this.lanes = new TriggerLanes(options.writers(), options.maxBatchSize(),
        Objects.requireNonNull(executor, "executor"), this::handle);
  }

  /**
   * Starts firing, once this scheduler leads: arms every stored template and resumes the
   * KILL_EXISTING launches the previous leader left waiting. Later calls do nothing.
   */
  public void start() {
    List<CronWork> resumed = new ArrayList<>();
    synchronized (this) {
      if (started) {
        return;
      }
      started = true;
      Instant now = clock.instant();
      Map<JobConfiguration, CronRuns> templates = storage.read(stores -> {
        Map<JobConfiguration, CronRuns> out = new LinkedHashMap<>();
        for (JobConfiguration t : stores.cronJobStore().fetchJobs()) {
          out.put(t, CronRuns.of(stores.taskStore().fetchTasks(
              TaskQueries.byJob(t.getKey()).build())));
        }
        return out;
      });
      templates.forEach((template, runs) -> {
        JobKey job = template.getKey();
        Optional<CronSchedule> schedule = writes.schedule(template.getCronSchedule());
        if (schedule.isEmpty()) {
          counters.parseFailures.increment();
          LOG.warn("Cron job {} has a schedule that does not parse ('{}'): it will not run",
              JobKeys.canonicalString(job), template.getCronSchedule());
          return;
        }
        arm(job, schedule.get(), firstDue(schedule.get(), now, runs));
        if (runs.launchOwed()) {
          waiting.put(job, options.initialBackoff());
          resumed.add(new CronWork.LaunchCheck(job));
        }
      });
      LOG.info("Cron: {} job(s) scheduled in {}, {} KILL_EXISTING launch(es) resumed",
          armed.size(), options.timeZone(), resumed.size());
    }
    resumed.forEach(lanes::submit);
  }

  /**
   * Follows a durable change of {@code job}'s template (scheduled, replaced or descheduled):
   * re-arms its timer from the stored template, keeping the due time if the schedule is the same.
   */
  public void templateChanged(JobKey job) {
    Objects.requireNonNull(job, "job");
    synchronized (this) {
      if (!started) {
        return;
      }
      // Read under the lock, so that the last of two concurrent changes arms last.
      Optional<JobConfiguration> template = storage.read(s -> s.cronJobStore().fetchJob(job));
      Optional<CronSchedule> schedule =
          template.flatMap(t -> writes.schedule(t.getCronSchedule()));
      if (schedule.isEmpty()) {
        if (armed.remove(job) != null) {
          LOG.info("Cron job {} descheduled", JobKeys.canonicalString(job));
        }
        return;
      }
      Armed current = armed.get(job);
      if (current != null && current.schedule().equals(schedule.get())) {
        return;
      }
      arm(job, schedule.get(), schedule.get().nextAfter(clock.instant(), options.timeZone()));
    }
  }

  /**
   * Triggers {@code job} now ({@code startCronJob}), as its schedule would; the future completes
   * once the trigger is handled (durably) with its outcome, or with the write's failure.
   */
  public CompletableFuture<TriggerOutcome> startNow(JobKey job) {
    CompletableFuture<TriggerOutcome> done = new CompletableFuture<>();
    lanes.submit(new CronWork.Fire(job, clock.instant(), Optional.empty(), done));
    return done;
  }

  /** What is scheduled on this scheduler: {@code role/env/name} to its canonical schedule. */
  public synchronized SortedMap<String, String> scheduled() {
    SortedMap<String, String> out = new TreeMap<>();
    armed.forEach((job, a) -> out.put(JobKeys.canonicalString(job), a.schedule().canonical()));
    return out;
  }

  /**
   * When {@code template} runs next: its armed due time, or else the next fire time after now
   * ({@code JobSummary.nextCronRunMs}); empty if its schedule does not parse.
   */
  public Optional<Instant> nextRun(JobConfiguration template) {
    Optional<CronSchedule> schedule = writes.schedule(template.getCronSchedule());
    if (schedule.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    synchronized (this) {
      Armed a = template.getKey() == null ? null : armed.get(template.getKey());
      if (a != null && a.schedule().equals(schedule.get()) && a.due().isAfter(now)) {
        return Optional.of(a.due());
      }
    }
    return schedule.get().nextAfter(now, options.timeZone());
  }

  /** Whether {@code job} has a KILL_EXISTING launch waiting for killed tasks to end. */
  public boolean launchWaiting(JobKey job) {
    return waiting.containsKey(job);
  }

  /** The due time armed for {@code job}, if any. */
  public synchronized Optional<Instant> armedDue(JobKey job) {
    return Optional.ofNullable(armed.get(job)).map(Armed::due);
  }

  /** The first due time after now, and after the latest run's start (see the class comment). */
  private Optional<Instant> firstDue(CronSchedule schedule, Instant now, CronRuns runs) {
    Optional<Instant> due = schedule.nextAfter(now, options.timeZone());
    if (due.isPresent() && runs.lastRunStartMs().isPresent()) {
      Optional<Instant> afterRun = schedule.nextAfter(
          Instant.ofEpochMilli(runs.lastRunStartMs().getAsLong()), options.timeZone());
      if (afterRun.isPresent() && afterRun.get().isAfter(due.get())) {
        return afterRun;
      }
    }
    return due;
  }

  // Called with this held.
  private void arm(JobKey job, CronSchedule schedule, Optional<Instant> due) {
    if (due.isEmpty()) {
      armed.remove(job);
      LOG.warn("Cron job {} ({}) has no next fire time", JobKeys.canonicalString(job), schedule);
      return;
    }
    long generation = ++generations;
    armed.put(job, new Armed(schedule, due.get(), generation));
    timers.schedule(due.get(), () -> fire(job, generation));
  }

  private void fire(JobKey job, long generation) {
    Armed a;
    synchronized (this) {
      a = armed.get(job);
      if (a == null || a.generation() != generation) {
        return;
      }
    }
    lanes.submit(new CronWork.Fire(job, a.due(), Optional.of(generation),
        new CompletableFuture<>()));
  }

  /** Arms the due time after a handled one, unless the job was re-armed meanwhile. */
  private synchronized void rearm(JobKey job, long generation, Instant due) {
    Armed a = armed.get(job);
    if (a == null || a.generation() != generation) {
      return;
    }
    // Asked from the due time, the question every template of this schedule asks now.
    Optional<Instant> next = a.schedule().nextAfter(due, options.timeZone());
    Instant now = clock.instant();
    if (next.isPresent() && !next.get().isAfter(now)) {
      // Due times missed meanwhile are not caught up (Aurora's rule): the next is after now.
      next = a.schedule().nextAfter(now, options.timeZone());
    }
    arm(job, a.schedule(), next);
  }

  private void handle(List<CronWork> batch) {
    Map<TriggerOutcome, Integer> fired = new EnumMap<>(TriggerOutcome.class);
    for (CronWrites.Done done : writes.write(batch, waiting::containsKey)) {
      try {
        if (done.work() instanceof CronWork.Fire fire) {
          afterFire(fire, done);
          if (done.failure().isEmpty()) {
            fired.merge(done.outcome(), 1, Integer::sum);
          }
        } else {
          afterCheck(done);
        }
      } catch (RuntimeException e) {
        LOG.error("Acting on the cron result {} failed", done, e);
      }
    }
    // One line per batch: ten thousand templates due in one minute are ten lines, not ten
    // thousand (each job's trigger is at DEBUG).
    if (!fired.isEmpty()) {
      LOG.info("Cron triggered {} job(s): {}", fired.values().stream().mapToInt(i -> i).sum(),
          fired);
    }
  }

  private void afterFire(CronWork.Fire fire, CronWrites.Done done) {
    String path = JobKeys.canonicalString(fire.job());
    counters.count(done.outcome(), done.collided());
    if (done.failure().isPresent()) {
      LOG.warn("Cron trigger of {} failed; it is not retried", path, done.failure().get());
      fire.done().completeExceptionally(done.failure().get());
    } else {
      LOG.debug("Cron triggered {} ({}): {}", path,
          fire.generation().isPresent() ? "due " + fire.due() : "started by hand",
          done.outcome());
      if (done.outcome() == TriggerOutcome.KILLING_PREVIOUS_RUN) {
        waiting.put(fire.job(), options.initialBackoff());
        scheduleCheck(fire.job(), options.initialBackoff());
      }
      fire.done().complete(done.outcome());
    }
    fire.generation().ifPresent(g -> rearm(fire.job(), g, fire.due()));
  }

  private void afterCheck(CronWrites.Done done) {
    JobKey job = done.work().job();
    String path = JobKeys.canonicalString(job);
    switch (done.outcome()) {
      case LAUNCHED:
        waiting.remove(job);
        LOG.info("Cron job {}: the killed run ended, the new run started", path);
        break;
      case ABANDONED:
        waiting.remove(job);
        LOG.info("Cron job {} was descheduled while its KILL_EXISTING launch waited", path);
        break;
      default:
        // Still waiting, or the write failed: check again after a longer wait.
        Duration previous = waiting.get(job);
        if (previous == null) {
          return;
        }
        Duration next = options.nextBackoff(previous);
        waiting.put(job, next);
        done.failure().ifPresent(e -> LOG.warn("Checking the launch of cron job {} failed", path, e));
        scheduleCheck(job, next);
        break;
    }
  }

  private void scheduleCheck(JobKey job, Duration wait) {
    timers.schedule(clock.instant().plus(wait), () -> lanes.submit(new CronWork.LaunchCheck(job)));
  }
}
