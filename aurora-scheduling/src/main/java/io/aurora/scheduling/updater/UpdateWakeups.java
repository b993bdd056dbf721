package io.aurora.scheduling.updater;

import io.aurora.gen.JobKey;
import io.aurora.scheduling.timer.TimerQueue;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The updater's timers on the runtime's {@link TimerQueue}: when one is due it marks an instance
 * (a watch ended) or a whole update (a pulse window ended, a failed pass to retry) dirty and asks
 * for a pass. The same wakeup is armed once however often a round asks for it. Thread-safe.
 */
final class UpdateWakeups {
  /** The instance of a wakeup that looks at every instance in flight. */
  private static final int ALL_INSTANCES = -1;

  private record Wakeup(JobKey job, int instance, long atMs) {}

  private final TimerQueue timers;
  private final DirtyInstances dirty;
  private final Runnable requestPass;
  private final Set<Wakeup> armed = ConcurrentHashMap.newKeySet();

  UpdateWakeups(TimerQueue timers, DirtyInstances dirty, Runnable requestPass) {
    this.timers = Objects.requireNonNull(timers, "timers");
    this.dirty = Objects.requireNonNull(dirty, "dirty");
    this.requestPass = Objects.requireNonNull(requestPass, "requestPass");
  }

  /** Looks at {@code job}'s {@code instance} again at {@code atMs}. */
  void instance(JobKey job, int instance, long atMs) {
    arm(new Wakeup(job, instance, atMs));
  }

  /** Looks at every instance in flight of {@code job}'s update at {@code atMs}. */
  void update(JobKey job, long atMs) {
    arm(new Wakeup(job, ALL_INSTANCES, atMs));
  }

  private void arm(Wakeup w) {
    if (armed.add(w)) {
      timers.schedule(Instant.ofEpochMilli(w.atMs()), () -> {
        armed.remove(w);
        if (w.instance() == ALL_INSTANCES) {
          dirty.markAll(w.job());
        } else {
          dirty.mark(w.job(), w.instance());
        }
        requestPass.run();
      });
    }
  }
}
