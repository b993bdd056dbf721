package io.aurora.scheduling.pruning;

import io.aurora.gen.ScheduledTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which terminal tasks of one job to delete: those ended longer ago than the prune threshold, and
 * beyond the per-job cap the oldest ones that have been kept at least the minimum retention.
 * Pure.
 */
public final class PrunePolicy {
  private final PruneOptions options;

  public PrunePolicy(PruneOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Ids to delete among {@code terminal} (one job's terminal tasks) at {@code nowMs}. */
  public Set<String> select(List<ScheduledTask> terminal, long nowMs) {
    List<ScheduledTask> byAge = new ArrayList<>(terminal);
    byAge.sort(Comparator.comparingLong(PrunePolicy::endedAt));
    Set<String> out = new LinkedHashSet<>();
    long expired = nowMs - options.pruneThreshold().toMillis();
    long retained = nowMs - options.minRetention().toMillis();
    int kept = byAge.size();
    for (ScheduledTask t : byAge) {
      long ended = endedAt(t);
      boolean tooOld = ended <= expired;
      boolean overCap = kept > options.maxPerJob() && ended <= retained;
      if (tooOld || overCap) {
        out.add(t.getAssignedTask().getTaskId());
        kept--;
      }
    }
    return out;
  }

  /** When the task ended: its last event's time. */
  static long endedAt(ScheduledTask task) {
    return task.isSetTaskEvents() && !task.getTaskEvents().isEmpty()
        ? task.getTaskEvents().get(task.getTaskEvents().size() - 1).getTimestamp()
        : 0;
  }
}
