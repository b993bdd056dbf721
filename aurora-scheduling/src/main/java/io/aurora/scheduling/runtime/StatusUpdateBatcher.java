package io.aurora.scheduling.runtime;

import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.state.MesosStatuses;
import io.aurora.scheduling.state.Transition;
import io.aurora.scheduling.write.StateWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Mesos status updates in batches: up to {@code maxBatch} queued updates become one write
 * transaction, and each update is acknowledged only after that write returned (is durable). If
 * the write fails, nothing is acknowledged and Mesos re-sends the updates.
 *
 * <p>Up to {@code maxInFlight} batches run at once, each on its own executor thread: while one
 * batch waits for its write to become durable, the next is applied (the storage serializes the
 * writes and commits the ones in flight together), so the rate of updates is not capped at one
 * batch per log round trip. Updates of one task are applied in arrival order: an update whose task
 * has an update in a batch still in flight waits for a later batch.
 *
 * <p>Updates are queued from the driver's thread.
 */
public final class StatusUpdateBatcher {
  /** Batches in flight at once by default: enough to cover the log's commit latency. */
  public static final int DEFAULT_IN_FLIGHT = 4;

  private static final Logger LOG = LoggerFactory.getLogger(StatusUpdateBatcher.class);
  private final StateWriter writer;
  private final Driver driver;
  private final Executor executor;
  private final int maxBatch;
  private final int maxInFlight;
  private final StatusUpdateCounters counters;
  // Guarded by this.
  private final ArrayDeque<TaskStatus> queue = new ArrayDeque<>();
  private final Set<String> tasksInFlight = new HashSet<>();
  private int drains;
  private boolean paused;

  /**
   * One batch at a time, counters on a registry of their own.
   *
   * @param maxBatch updates per transaction (1000 in Aurora)
   */
  public StatusUpdateBatcher(StateWriter writer, Driver driver, Executor executor, int maxBatch) {
    this(writer, driver, executor, maxBatch, 1,
        new StatusUpdateCounters(new SimpleMeterRegistry()));
  }

  /**
   * @param maxBatch updates per transaction ({@code -max_status_update_batch_size}, 1000)
   * @param maxInFlight batches applied at once; {@code executor} needs that many threads
   * @param counters where received and applied updates are counted
   */
  public StatusUpdateBatcher(StateWriter writer, Driver driver, Executor executor, int maxBatch,
      int maxInFlight, StatusUpdateCounters counters) {
    if (maxBatch < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("maxBatch and maxInFlight must be >= 1: " + maxBatch
          + ", " + maxInFlight);
    }
    this.writer = Objects.requireNonNull(writer, "writer");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.counters = Objects.requireNonNull(counters, "counters");
  }

  /** The counters of updates (and of lost agents and executors, which the caller reports). */
  public StatusUpdateCounters counters() {
    return counters;
  }

  /** Queues an update; it is applied and acknowledged by a later batch. */
  public void add(TaskStatus status) {
    counters.received();
    synchronized (this) {
      queue.add(status);
    }
    drainSoon();
  }

  /** Until {@link #resume}, updates are only queued (e.g. before the scheduler leads). */
  public synchronized void pause() {
    paused = true;
  }

  /** Applies what was queued while paused, and later updates as they come. */
  public void resume() {
    synchronized (this) {
      paused = false;
    }
    drainSoon();
  }

  /** Starts another drain on the executor if updates wait and fewer than the maximum run. */
  public void drainSoon() {
    synchronized (this) {
      if (paused || queue.isEmpty() || drains >= maxInFlight || drains >= queue.size()) {
        return;
      }
      drains++;
    }
    executor.execute(this::drain);
  }

  /** Applies batches until none can be taken; returns the number of updates applied. */
  private int drain() {
    int total = 0;
    while (true) {
      List<TaskStatus> batch = take();
      if (batch.isEmpty()) {
        return total;
      }
      try {
        apply(batch);
        total += batch.size();
      } catch (RuntimeException e) {
        // Not acknowledged, so the agents re-send these updates; later batches still run.
        LOG.warn("Could not apply {} status updates; they will be re-sent", batch.size(), e);
      } finally {
        release(batch);
      }
    }
  }

  /** The next batch, skipping tasks with an update in flight; if empty, this drain ends. */
  private synchronized List<TaskStatus> take() {
    List<TaskStatus> batch = new ArrayList<>();
    Set<String> inBatch = new HashSet<>();
    Set<String> waiting = new HashSet<>();
    Iterator<TaskStatus> it = queue.iterator();
    while (batch.size() < maxBatch && it.hasNext()) {
      TaskStatus status = it.next();
      String task = status.getTaskId().getValue();
      if (waiting.contains(task) || (tasksInFlight.contains(task) && !inBatch.contains(task))) {
        waiting.add(task);   // keeps this task's later updates behind this one
        continue;
      }
      tasksInFlight.add(task);
      inBatch.add(task);
      batch.add(status);
      it.remove();
    }
    if (batch.isEmpty()) {
      drains--;
    }
    return batch;
  }

  private void release(List<TaskStatus> batch) {
    boolean blocked;
    synchronized (this) {
      for (TaskStatus status : batch) {
        tasksInFlight.remove(status.getTaskId().getValue());
      }
      blocked = !queue.isEmpty();
    }
    if (blocked) {
      drainSoon();   // updates held back for these tasks may go now
    }
  }

  private void apply(List<TaskStatus> batch) {
    List<Transition.Result> results = new ArrayList<>(batch.size());
    writer.write((stores, changes) -> {
      results.clear();   // in case the storage ran this work before and threw it away
      for (TaskStatus status : batch) {
        ScheduleStatus to = MesosStatuses.toSchedule(status.getState());
        Optional<String> message = MesosStatuses.message(status);
        Optional<String> agent = status.hasAgentId()
            ? Optional.of(status.getAgentId().getValue()) : Optional.empty();
        results.add(writer.stateManager().reportedState(stores, status.getTaskId().getValue(), to, message,
            agent, changes));
      }
      return null;
    });
    // Durable and acted on now: safe to count and to let the agents forget the updates.
    for (int i = 0; i < batch.size(); i++) {
      counters.applied(batch.get(i), results.get(i));
    }
    for (TaskStatus status : batch) {
      driver.acknowledge(status);
    }
  }
}
