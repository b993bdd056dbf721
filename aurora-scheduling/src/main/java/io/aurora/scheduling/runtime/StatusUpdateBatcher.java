package io.aurora.scheduling.runtime;

import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.state.MesosStatuses;
import io.aurora.scheduling.state.StateChanges;
import io.aurora.scheduling.state.StateManager;
import io.aurora.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Mesos status updates in batches: up to {@code maxBatch} queued updates become one write
 * transaction, and each update is acknowledged only after that write returned (is durable). If
 * the write fails, nothing is acknowledged and Mesos re-sends the updates.
 *
 * <p>Updates are queued from the driver's thread; batches run on the given executor, one at a
 * time, in arrival order.
 */
public final class StatusUpdateBatcher {
  private static final Logger LOG = LoggerFactory.getLogger(StatusUpdateBatcher.class);
  private final Storage storage;
  private final StateManager stateManager;
  private final Driver driver;
  private final ChangeListener listener;
  private final Executor executor;
  private final int maxBatch;
  private final ConcurrentLinkedQueue<TaskStatus> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /** @param maxBatch updates per transaction ({@code -max_status_update_batch_size}, 1000) */
  public StatusUpdateBatcher(Storage storage, StateManager stateManager, Driver driver,
      ChangeListener listener, Executor executor, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1: " + maxBatch);
    }
    this.storage = Objects.requireNonNull(storage, "storage");
    this.stateManager = Objects.requireNonNull(stateManager, "stateManager");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.maxBatch = maxBatch;
  }

  /** Queues an update; it is applied and acknowledged by a later batch. */
  public void add(TaskStatus status) {
    queue.add(status);
    if (scheduled.compareAndSet(false, true)) {
      executor.execute(this::drainAll);
    }
  }

  /** Applies everything queued, batch by batch; returns the number of updates applied. */
  public int drainAll() {
    int total = 0;
    try {
      while (true) {
        List<TaskStatus> batch = new ArrayList<>();
        TaskStatus next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
          batch.add(next);
        }
        if (batch.isEmpty()) {
          return total;
        }
        try {
          apply(batch);
        } catch (RuntimeException e) {
          // Not acknowledged, so the agents re-send these updates; later batches still run.
          LOG.warn("Could not apply {} status updates; they will be re-sent", batch.size(), e);
          continue;
        }
        total += batch.size();
      }
    } finally {
      scheduled.set(false);
      if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
        executor.execute(this::drainAll);
      }
    }
  }

  private void apply(List<TaskStatus> batch) {
    StateChanges changes = new StateChanges();
    storage.write(stores -> {
      for (TaskStatus status : batch) {
        ScheduleStatus to = MesosStatuses.toSchedule(status.getState());
        Optional<String> message = status.hasMessage() && !status.getMessage().isEmpty()
            ? Optional.of(status.getMessage()) : Optional.empty();
        Optional<String> agent = status.hasAgentId()
            ? Optional.of(status.getAgentId().getValue()) : Optional.empty();
        stateManager.reportedState(stores, status.getTaskId().getValue(), to, message, agent,
            changes);
      }
      return null;
    });
    // Durable now: safe to act and to let the agents forget the updates.
    listener.afterCommit(changes);
    for (TaskStatus status : batch) {
      driver.acknowledge(status);
    }
  }
}
