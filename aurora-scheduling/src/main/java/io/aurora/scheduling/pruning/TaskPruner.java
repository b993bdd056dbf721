package io.aurora.scheduling.pruning;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduledTask;
import io.aurora.scheduling.timer.TimerQueue;
import io.aurora.scheduling.write.StateWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Deletes terminal tasks by the {@link PrunePolicy}, in one write per run. */
public final class TaskPruner {
  private final StateWriter writer;
  private final Clock clock;
  private final PruneOptions options;
  private final PrunePolicy policy;
  private final AtomicLong pruned = new AtomicLong();

  public TaskPruner(StateWriter writer, Clock clock, PruneOptions options) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.options = Objects.requireNonNull(options, "options");
    this.policy = new PrunePolicy(options);
  }

  /** Runs now, then every interval on {@code timers}. */
  public void schedule(TimerQueue timers) {
    timers.schedule(clock.instant().plus(options.interval()), () -> {
      pruneOnce();
      schedule(timers);
    });
  }

  /** One pass; returns the number of tasks deleted. */
  public int pruneOnce() {
    long now = clock.millis();
    Set<String> doomed = writer.storage().read(s -> {
      Map<JobKey, List<ScheduledTask>> byJob = new HashMap<>();
      for (ScheduledTask t : s.taskStore().fetchTasks(
          TaskQueries.all().statuses(Tasks.TERMINAL_STATES).build())) {
        byJob.computeIfAbsent(t.getAssignedTask().getTask().getJob(), k -> new ArrayList<>()).add(t);
      }
      Set<String> ids = new LinkedHashSet<>();
      byJob.values().forEach(tasks -> ids.addAll(policy.select(tasks, now)));
      return ids;
    });
    if (doomed.isEmpty()) {
      return 0;
    }
    writer.write((s, changes) -> {
      writer.stateManager().deleteTasks(s, doomed, changes);
      return null;
    });
    pruned.addAndGet(doomed.size());
    return doomed.size();
  }

  /** Tasks deleted so far ({@code tasks_pruned}). */
  public long tasksPruned() {
    return pruned.get();
  }
}
