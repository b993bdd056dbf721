package io.aurora.scheduling.reconcile;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.ScheduledTask;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.timer.TimerQueue;
import io.aurora.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * Sends reconciliation requests. Explicit: every task in an agent-assigned state, in batches spaced
 * by the batch interval; implicit: one empty request. {@link #schedule} arms the periodic runs on a
 * {@link TimerQueue}.
 */
public final class TaskReconciler {
  private final Storage storage;
  private final Driver driver;
  private final Clock clock;
  private final TimerQueue timers;
  private final ReconcileOptions options;
  private final AtomicLong explicitRuns = new AtomicLong();
  private final AtomicLong implicitRuns = new AtomicLong();

  public TaskReconciler(Storage storage, Driver driver, Clock clock, TimerQueue timers,
      ReconcileOptions options) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timers = Objects.requireNonNull(timers, "timers");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Arms the periodic explicit and implicit runs. */
  public void schedule() {
    every(options.initialDelay(), options.explicitInterval(),
        () -> explicit(options.explicitBatchSize()));
    every(options.initialDelay().plus(options.scheduleSpread()), options.implicitInterval(),
        this::implicit);
  }

  /**
   * Explicit reconciliation of all agent-assigned tasks; the first batch is sent now, the others
   * spaced by the batch interval. Returns the number of tasks asked about.
   */
  public int explicit(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    explicitRuns.incrementAndGet();
    List<Call.Reconcile.Task> all = new ArrayList<>();
    for (ScheduledTask t : storage.read(s -> s.taskStore().fetchTasks(
        TaskQueries.all().statuses(Tasks.SLAVE_ASSIGNED_STATES).build()))) {
      Call.Reconcile.Task.Builder task = Call.Reconcile.Task.newBuilder()
          .setTaskId(TaskID.newBuilder().setValue(t.getAssignedTask().getTaskId()));
      if (t.getAssignedTask().isSetSlaveId()) {
        task.setAgentId(AgentID.newBuilder().setValue(t.getAssignedTask().getSlaveId()));
      }
      all.add(task.build());
    }
    for (int i = 0, batch = 0; i < all.size(); i += batchSize, batch++) {
      List<Call.Reconcile.Task> slice = List.copyOf(all.subList(i, Math.min(all.size(), i + batchSize)));
      if (batch == 0) {
        driver.reconcile(slice);
      } else {
        timers.schedule(clock.instant().plus(options.explicitBatchInterval().multipliedBy(batch)),
            () -> driver.reconcile(slice));
      }
    }
    return all.size();
  }

  /** Implicit reconciliation: the master reports every task it knows of. */
  public void implicit() {
    implicitRuns.incrementAndGet();
    driver.reconcileAll();
  }

  /** Explicit runs so far ({@code reconciliation_explicit_runs}). */
  public long explicitRuns() {
    return explicitRuns.get();
  }

  /** Implicit runs so far ({@code reconciliation_implicit_runs}). */
  public long implicitRuns() {
    return implicitRuns.get();
  }

  private void every(Duration first, Duration interval, Runnable action) {
    timers.schedule(clock.instant().plus(first), () -> {
      action.run();
      every(interval, interval, action);
    });
  }
}
