package io.aurora.scheduling.crontrigger;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.cron.CronSchedule;
import io.aurora.scheduling.cron.TriggerAction;
import io.aurora.scheduling.write.StateChanges;
import io.aurora.scheduling.write.StateManager;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.MutableStoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The storage write of one batch of cron work: each trigger and launch check of the batch is
 * decided and acted on in one transaction, against the stored template and tasks, and its result
 * returned for the caller to act on once the write is durable. Nothing here changes memory: the
 * storage may run the work again.
 */
final class CronWrites {
  /** Distinct schedules remembered before the parse cache starts over. */
  private static final int MAX_CACHED_SCHEDULES = 100_000;

  /**
   * One item's result.
   *
   * @param collided whether the trigger found the previous run still active
   *     ({@code cron_job_collisions})
   * @param failure why the write failed (with outcome FAILED)
   */
  record Done(CronWork work, TriggerOutcome outcome, boolean collided,
      Optional<RuntimeException> failure) {
    Done {
      Objects.requireNonNull(work, "work");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(failure, "failure");
    }
  }

  private final StateWriter writer;
  private final StateManager states;
  private final Map<String, CronSchedule> parsed = new ConcurrentHashMap<>();

  CronWrites(StateWriter writer) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.states = writer.stateManager();
  }

  /**
   * Writes {@code batch} in one transaction; if that fails, each item alone, so that one bad item
   * does not hold up the others.
   *
   * @param launchPending whether a job has a KILL_EXISTING launch waiting (its triggers are
   *     ignored meanwhile)
   */
  List<Done> write(List<CronWork> batch, Predicate<JobKey> launchPending) {
    try {
      return writer.write((stores, changes) -> {
        List<Done> out = new ArrayList<>(batch.size());
        for (CronWork work : batch) {
          out.add(apply(stores, changes, work, launchPending));
        }
        return out;
      });
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        return List.of(new Done(batch.get(0), TriggerOutcome.FAILED, false, Optional.of(e)));
      }
      List<Done> out = new ArrayList<>(batch.size());
      for (CronWork work : batch) {
        out.addAll(write(List.of(work), launchPending));
      }
      return out;
    }
  }

  /** The stored schedule parsed, or empty if it does not parse. */
  Optional<CronSchedule> schedule(String text) {
    CronSchedule known = text == null ? null : parsed.get(text);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      CronSchedule schedule = CronSchedule.parse(text);
      if (parsed.size() >= MAX_CACHED_SCHEDULES) {
        parsed.clear();
      }
      parsed.put(text, schedule);
      return Optional.of(schedule);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Done apply(MutableStoreProvider stores, StateChanges changes, CronWork work,
      Predicate<JobKey> launchPending) {
    JobKey job = work.job();
    Optional<JobConfiguration> template = stores.cronJobStore().fetchJob(job);
    if (work instanceof CronWork.LaunchCheck) {
      // A check of a launch no longer waiting (started, or given up) must not start another run.
      if (template.isEmpty() || !launchPending.test(job)) {
        return done(work, TriggerOutcome.ABANDONED, false);
      }
      if (!activeTasks(stores, job).isEmpty()) {
        return done(work, TriggerOutcome.STILL_WAITING, false);
      }
      launch(stores, changes, template.get());
      return done(work, TriggerOutcome.LAUNCHED, false);
    }
    if (template.isEmpty()) {
      return done(work, TriggerOutcome.NO_TEMPLATE, false);
    }
    if (schedule(template.get().getCronSchedule()).isEmpty()) {
      return done(work, TriggerOutcome.BAD_SCHEDULE, false);
    }
    if (launchPending.test(job)) {
      return done(work, TriggerOutcome.IGNORED_LAUNCH_PENDING, false);
    }
    Set<String> active = activeTasks(stores, job);
    switch (TriggerAction.decide(template.get().getCronCollisionPolicy(), !active.isEmpty())) {
      case LAUNCH:
        launch(stores, changes, template.get());
        return done(work, TriggerOutcome.LAUNCHED, false);
      case KILL_THEN_LAUNCH:
        for (String id : active) {
          states.changeState(stores, id, ScheduleStatus.KILLING,
              Optional.of(TriggerAction.KILL_MESSAGE), changes);
        }
        // PENDING tasks are deleted at once: with nothing left to wait for, start now.
        if (activeTasks(stores, job).isEmpty()) {
          launch(stores, changes, template.get());
          return done(work, TriggerOutcome.LAUNCHED, true);
        }
        return done(work, TriggerOutcome.KILLING_PREVIOUS_RUN, true);
      case SKIP_CANCEL_NEW:
        return done(work, TriggerOutcome.SKIPPED_CANCEL_NEW, true);
      case SKIP_RUN_OVERLAP:
        return done(work, TriggerOutcome.SKIPPED_RUN_OVERLAP, true);
      default:
        throw new IllegalStateException("Unknown trigger action");
    }
  }

  /** Inserts PENDING tasks for every instance of the template: one run. */
  private void launch(MutableStoreProvider stores, StateChanges changes,
      JobConfiguration template) {
    Set<Integer> instances = IntStream.range(0, template.getInstanceCount()).boxed()
        .collect(Collectors.toSet());
    states.insertPendingTasks(stores, template.getTaskConfig(), instances, changes);
  }

  private static Set<String> activeTasks(MutableStoreProvider stores, JobKey job) {
    return stores.taskStore().taskIds(TaskQueries.byJob(job).statuses(Tasks.ACTIVE_STATES).build());
  }

  private static Done done(CronWork work, TriggerOutcome outcome, boolean collided) {
    return new Done(work, outcome, collided, Optional.empty());
  }
}
