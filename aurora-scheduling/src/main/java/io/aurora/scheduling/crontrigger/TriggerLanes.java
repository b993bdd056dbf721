package io.aurora.scheduling.crontrigger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues of cron work, one per writer, each drained in batches of up to {@code maxBatch} items
 * by at most one executor thread at a time. A job's items always go to the same lane (by the
 * hash of its key), so they are handled one after another, in order, each seeing what the one
 * before it left: two triggers of a job never decide at once. Different lanes run in parallel,
 * and their writes share log appends through the storage's group commit.
 */
final class TriggerLanes {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerLanes.class);

  private final Lane[] lanes;
  private final int maxBatch;
  private final Executor executor;
  private final Consumer<List<CronWork>> handler;

  /**
   * @param count lanes, so also the most batches handled at once
   * @param handler handles one batch; runs on {@code executor}, must not throw
   */
  TriggerLanes(int count, int maxBatch, Executor executor, Consumer<List<CronWork>> handler) {
    if (count < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("lanes and batch size must be at least 1: " + count
          + ", " + maxBatch);
    }
    this.maxBatch = maxBatch;
    this.executor = Objects.requireNonNull(executor, "executor");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.lanes = new Lane[count];
    for (int i = 0; i < count; i++) {
      lanes[i] = new Lane();
    }
  }

  /** Queues {@code work} on its job's lane. */
  void submit(CronWork work) {
    lanes[Math.floorMod(work.job().hashCode(), lanes.length)].add(work);
  }

  /** Items queued and not yet taken into a batch. */
  int queued() {
    int n = 0;
    for (Lane lane : lanes) {
      n += lane.size();
    }
    return n;
  }

  private final class Lane {
    // Guarded by this.
    private final ArrayDeque<CronWork> queue = new ArrayDeque<>();
    private boolean draining;

    void add(CronWork work) {
      synchronized (this) {
        queue.add(work);
        if (draining) {
          return;
        }
        draining = true;
      }
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        synchronized (this) {
          draining = false;
        }
        LOG.warn("Cron work for {} stays queued: the cron pool is shut down", work.job());
      }
    }

    synchronized int size() {
      return queue.size();
    }

    private void drain() {
      while (true) {
        List<CronWork> batch = new ArrayList<>();
        synchronized (this) {
          while (batch.size() < maxBatch && !queue.isEmpty()) {
            batch.add(queue.poll());
          }
          if (batch.isEmpty()) {
            draining = false;
            return;
          }
        }
        try {
          handler.accept(batch);
        } catch (RuntimeException e) {
          LOG.error("Handling a batch of {} cron items failed", batch.size(), e);
        }
      }
    }
  }
}
