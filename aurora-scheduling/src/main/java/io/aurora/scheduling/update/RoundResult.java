package io.aurora.scheduling.update;

import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.TaskConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one round of an update decided, for its caller to write (all in one storage write) and
 * then act on.
 *
 * @param kills tasks to move to KILLING, in order
 * @param adds instances to give a new PENDING task, after the kills
 * @param instanceEvents instance events to record
 * @param statusEvents update status events to record (the last one is the new status)
 * @param wakeups instances to look at again at a time (their watch ends), by instance
 * @param again whether the update needs another round as soon as this one is written (it turned
 *     around, and the new direction must start from what the write left)
 */
public record RoundResult(List<Kill> kills, List<Add> adds,
    List<JobInstanceUpdateEvent> instanceEvents, List<JobUpdateEvent> statusEvents,
    Map<Integer, Long> wakeups, boolean again) {

  /**
   * A task to kill.
   *
   * @param instance its instance
   * @param task the task
   * @param holdAgent whether the instance's new task would fit where this one runs, so that its
   *     agent may be held for it (update affinity)
   */
  public record Kill(int instance, InstanceTask task, boolean holdAgent) {
    public Kill {
      Objects.requireNonNull(task, "task");
    }
  }

  /** A new PENDING task of {@code config} for {@code instance}. */
  public record Add(int instance, TaskConfig config) {
    public Add {
      Objects.requireNonNull(config, "config");
    }
  }

  public RoundResult {
    kills = List.copyOf(kills);
    adds = List.copyOf(adds);
    instanceEvents = List.copyOf(instanceEvents);
    statusEvents = List.copyOf(statusEvents);
    // Sorted, so that timers are armed (and fire) in instance order.
    wakeups = Collections.unmodifiableSortedMap(new TreeMap<>(wakeups));
  }

  /** Whether the round decided nothing that needs a write. */
  public boolean writesNothing() {
    return kills.isEmpty() && adds.isEmpty() && instanceEvents.isEmpty() && statusEvents.isEmpty();
  }

  /** Collects a round's decisions. */
  static final class Builder {
    final List<Kill> kills = new ArrayList<>();
    final List<Add> adds = new ArrayList<>();
    final List<JobInstanceUpdateEvent> instanceEvents = new ArrayList<>();
    final List<JobUpdateEvent> statusEvents = new ArrayList<>();
    final Map<Integer, Long> wakeups = new TreeMap<>();
    boolean again;

    RoundResult build() {
      return new RoundResult(kills, adds, instanceEvents, statusEvents, wakeups, again);
    }
  }
}
