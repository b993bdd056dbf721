package io.aurora.log.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides which thread runs the replica's next drain of its queued inputs, and makes sure only one
 * thread at a time runs the core.
 *
 * <p>Normally a drain runs on the loop executor ({@link #kick()}: at most one drain scheduled at a
 * time, so inputs queued meanwhile share it and its fsync: group commit). A message from a peer is
 * instead drained on the transport thread that read it when the core is idle and nothing is
 * scheduled ({@link #drainHereOrKick()}): a lone message (an Accept at a follower, an Accepted at
 * the writer) then costs no hand-off to the loop thread, which is most of the latency of a lone
 * append besides the fsyncs. Either way everything runs under one lock, and an input queued while
 * another thread holds it was kicked to the loop, so none is left behind.
 */
final class DrainScheduler {
  private final Executor loop;
  private final Runnable drain;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ReentrantLock lock = new ReentrantLock();

  /**
   * @param drain takes every queued input to the core; it runs under {@link #locked} and must call
   *     {@link #drainStarted()} before it looks at its queues
   */
  DrainScheduler(Executor loop, Runnable drain) {
    this.loop = loop;
    this.drain = drain;
  }

  /** Schedules a drain on the loop executor unless one is scheduled already. */
  void kick() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        loop.execute(() -> locked(drain));
      } catch (RejectedExecutionException e) {
        scheduled.set(false); // closed
      }
    }
  }

  /** Drains on this thread if the core is idle and no drain is scheduled; else kicks. */
  void drainHereOrKick() {
    if (!scheduled.get() && lock.tryLock()) {
      try {
        drain.run();
      } finally {
        lock.unlock();
      }
    } else {
      kick();
    }
  }

  /** Called by the drain first: inputs queued from now on need another drain. */
  void drainStarted() {
    scheduled.set(false);
  }

  /** Runs {@code r} holding the core's lock. */
  void locked(Runnable r) {
    lock.lock();
    try {
      r.run();
    } finally {
      lock.unlock();
    }
  }
}
