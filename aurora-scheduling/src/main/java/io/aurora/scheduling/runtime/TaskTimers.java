package io.aurora.scheduling.runtime;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.state.RescheduleCalculator;
import io.aurora.scheduling.state.Transition;
import io.aurora.scheduling.timer.TimerQueue;
import io.aurora.scheduling.write.StateChanges;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The task timers, armed for the state changes of each durable write ({@link #arm}, called by the
 * {@link AfterCommitActions}) and, after recovery or failover, for the tasks in storage
 * ({@link #recover}). Each timer that fires writes through the {@link StateWriter}, so its own
 * changes arm timers in turn.
 *
 * <ul>
 *   <li>Transient timeout: a task still in the same transient state after the timeout becomes
 *       LOST ("Task timed out"), by compare-and-set so a task that moved on is left alone.
 *   <li>Kill retry: while a task stays KILLING the kill is re-sent, 15 s then doubling up to the
 *       transient timeout (the timeout ends it as LOST anyway).
 *   <li>Throttle: a THROTTLED task becomes PENDING once its flapping penalty has passed.
 *   <li>Partition: a PARTITIONED task becomes LOST after its partition policy's delay (at once
 *       without a policy), counted from its partition event and only if that event is still its
 *       latest, unless the policy says not to reschedule.
 * </ul>
 */
public final class TaskTimers {
  private static final Set<ScheduleStatus> TRANSIENT = EnumSet.of(ScheduleStatus.ASSIGNED,
      ScheduleStatus.PREEMPTING, ScheduleStatus.RESTARTING, ScheduleStatus.KILLING,
      ScheduleStatus.DRAINING);

  private final Storage storage;
  private final StateWriter writer;
  private final Driver driver;
  private final Clock clock;
  private final TimerQueue timers;
  private final TimerOptions options;
  private final RescheduleCalculator penalties;
  private final AtomicLong timedOut = new AtomicLong();
  private final AtomicLong killRetries = new AtomicLong();

  /** @param driver re-sends the kills of tasks that stay KILLING */
  public TaskTimers(StateWriter writer, Driver driver, Clock clock, TimerQueue timers,
      TimerOptions options, RescheduleCalculator penalties) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.storage = writer.storage();
    this.driver = Objects.requireNonNull(driver, "driver");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timers = Objects.requireNonNull(timers, "timers");
    this.options = Objects.requireNonNull(options, "options");
    this.penalties = Objects.requireNonNull(penalties, "penalties");
  }

  /** Arms the timers of the tasks that entered a timed state in one durable write. */
  public void arm(StateChanges changes) {
    Instant now = clock.instant();
    for (StateChanges.Change change : changes.changes()) {
      if (change.status().isEmpty()) {
        continue;
      }
      ScheduleStatus status = change.status().get();
      String id = change.taskId();
      if (TRANSIENT.contains(status)) {
        timers.schedule(now.plus(options.transientTaskStateTimeout()), () -> timeOut(id, status));
      }
      if (status == ScheduleStatus.KILLING) {
        scheduleKillRetry(id, options.initialKillRetryInterval());
      }
      if (status == ScheduleStatus.THROTTLED) {
        timers.schedule(now.plusMillis(penaltyOf(id)), () -> unthrottle(id));
      }
      if (status == ScheduleStatus.PARTITIONED) {
        storage.read(s -> s.taskStore().fetchTask(id)).ifPresent(this::schedulePartitionTimeout);
      }
    }
  }

  /**
   * Arms the timers of tasks already in storage (after recovery or failover): transient states
   * time out a full timeout from now, KILLING tasks get kill retries, THROTTLED tasks wake up when
   * their penalty (counted from their last event) has passed.
   */
  public void recover() {
    Set<ScheduleStatus> wanted = EnumSet.copyOf(TRANSIENT);
    wanted.add(ScheduleStatus.THROTTLED);
    wanted.add(ScheduleStatus.PARTITIONED);
    List<ScheduledTask> tasks = storage.read(s -> s.taskStore().fetchTasks(
        io.aurora.api.TaskQueries.all().statuses(wanted).build()));
    Instant now = clock.instant();
    for (ScheduledTask t : tasks) {
      String id = t.getAssignedTask().getTaskId();
      ScheduleStatus status = t.getStatus();
      if (TRANSIENT.contains(status)) {
        timers.schedule(now.plus(options.transientTaskStateTimeout()), () -> timeOut(id, status));
      }
      if (status == ScheduleStatus.KILLING) {
        scheduleKillRetry(id, options.initialKillRetryInterval());
      }
      if (status == ScheduleStatus.THROTTLED) {
        long last = t.getTaskEvents().get(t.getTaskEvents().size() - 1).getTimestamp();
        timers.schedule(Instant.ofEpochMilli(last + penaltyOf(id)), () -> unthrottle(id));
      }
      if (status == ScheduleStatus.PARTITIONED) {
        // Counted from the partition event, so time already spent partitioned before the failover
        // shortens the wait (a task partitioned for longer than its delay is given up at once).
        schedulePartitionTimeout(t);
      }
    }
  }

  private void timeOut(String taskId, ScheduleStatus expected) {
    if (transition(taskId, expected, ScheduleStatus.LOST, "Task timed out")) {
      timedOut.incrementAndGet();
    }
  }

  /**
   * Arms the partition timeout of a PARTITIONED task: its partition policy's delay (0 if it has no
   * policy) after its partition event; nothing if the policy says not to reschedule (then it waits
   * for the agent). The timer gives the task up only if that event is still its latest, so a task
   * that came back and was partitioned again waits for its newer timer.
   */
  private void schedulePartitionTimeout(ScheduledTask task) {
    io.aurora.gen.TaskConfig config = task.getAssignedTask().getTask();
    long delayMs;
    if (!config.isSetPartitionPolicy()) {
      delayMs = 0;
    } else if (config.getPartitionPolicy().isReschedule()) {
      delayMs = Math.max(0, config.getPartitionPolicy().getDelaySecs()) * 1000;
    } else {
      return;
    }
    String id = task.getAssignedTask().getTaskId();
    long partitionedAt = lastEventMs(task);
    Instant due = Instant.ofEpochMilli(partitionedAt + delayMs);
    Instant now = clock.instant();
    timers.schedule(due.isBefore(now) ? now : due, () -> givePartitionUp(id, partitionedAt));
  }

  private void givePartitionUp(String taskId, long partitionedAt) {
    writer.write((stores, changes) -> {
      Optional<ScheduledTask> task = stores.taskStore().fetchTask(taskId);
      if (task.isEmpty() || lastEventMs(task.get()) != partitionedAt) {
        return Transition.Result.INVALID_CAS_STATE;
      }
      return writer.stateManager().changeState(stores, taskId,
          Optional.of(ScheduleStatus.PARTITIONED), ScheduleStatus.LOST,
          Optional.of("Task partitioned for too long."), changes);
    });
  }

  private static long lastEventMs(ScheduledTask task) {
    List<io.aurora.gen.TaskEvent> events = task.getTaskEvents();
    return events == null || events.isEmpty() ? 0 : events.get(events.size() - 1).getTimestamp();
  }

  private void unthrottle(String taskId) {
    transition(taskId, ScheduleStatus.THROTTLED, ScheduleStatus.PENDING, null);
  }

  private boolean transition(String taskId, ScheduleStatus expected, ScheduleStatus to,
      String msg) {
    Transition.Result result = writer.write((stores, changes) -> writer.stateManager()
        .changeState(stores, taskId, Optional.of(expected), to, Optional.ofNullable(msg), changes));
    return result == Transition.Result.SUCCESS;
  }

  private void scheduleKillRetry(String taskId, Duration delay) {
    timers.schedule(clock.instant().plus(delay), () -> {
      Optional<ScheduledTask> task = storage.read(s -> s.taskStore().fetchTask(taskId));
      if (task.isPresent() && task.get().getStatus() == ScheduleStatus.KILLING) {
        Optional<String> agent = Optional.ofNullable(task.get().getAssignedTask().getSlaveId());
        AfterCommitActions.sendKill(driver, taskId, agent);
        killRetries.incrementAndGet();
        Duration next = delay.multipliedBy(2);
        if (next.compareTo(options.transientTaskStateTimeout()) <= 0) {
          scheduleKillRetry(taskId, next);
        }
      }
    });
  }

  private long penaltyOf(String taskId) {
    return storage.read(stores -> {
      Optional<ScheduledTask> task = stores.taskStore().fetchTask(taskId);
      if (task.isEmpty() || !task.get().isSetAncestorId()) {
        return 0L;
      }
      return stores.taskStore().fetchTask(task.get().getAncestorId())
          .map(a -> penalties.flappingPenaltyMs(a, stores.taskStore()::fetchTask))
          .orElse(0L);
    });
  }

  /** Tasks moved to LOST by the transient timeout ({@code timed_out_tasks}). */
  public long timedOutTasks() {
    return timedOut.get();
  }

  /** Kills re-sent ({@code task_kill_retries}). */
  public long killRetries() {
    return killRetries.get();
  }

  /** Timers pending (for tests and metrics). */
  public int pendingTimers() {
    return timers.size();
  }
}
