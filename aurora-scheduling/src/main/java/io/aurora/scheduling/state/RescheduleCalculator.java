package io.aurora.scheduling.state;

import io.aurora.api.Tasks;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The flapping penalty of a rescheduled task (Aurora's truncated binary backoff).
 *
 * <p>A task <em>flapped</em> if it ended on its own (no RESTARTING, KILLING or DRAINING in its
 * history) less than the flapping threshold after its last active-state event. The penalty walks
 * the ancestor chain from the task that just ended: the first flapped task costs the initial delay,
 * each further flapped ancestor doubles it, up to the cap; the walk stops at the first ancestor that
 * did not flap (or is no longer stored). Pure: ancestors are looked up through a function.
 */
public final class RescheduleCalculator {

  private static final Set<ScheduleStatus> SCHEDULER_ENDED =
      Set.of(ScheduleStatus.RESTARTING, ScheduleStatus.KILLING, ScheduleStatus.DRAINING);

  private final RescheduleOptions options;

  public RescheduleCalculator(RescheduleOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * The penalty, in ms, for the replacement of {@code ended}.
   *
   * @param ended the task that just reached a terminal state
   * @param ancestors looks up a stored task by id
   */
  public long flappingPenaltyMs(
      ScheduledTask ended, Function<String, Optional<ScheduledTask>> ancestors) {
    long penalty = 0;
    Optional<ScheduledTask> current = Optional.of(ended);
    int guard = 0;
    while (current.isPresent() && flapped(current.get()) && guard++ < 64) {
      penalty = penalty == 0
          ? options.initialFlappingDelay().toMillis()
          : Math.min(penalty * 2, options.maxFlappingDelay().toMillis());
      ScheduledTask task = current.get();
      current = task.isSetAncestorId() ? ancestors.apply(task.getAncestorId()) : Optional.empty();
    }
    return penalty;
  }

  /** Whether {@code task} ended by itself shortly after it last became active. */
  public boolean flapped(ScheduledTask task) {
    List<TaskEvent> events = task.isSetTaskEvents() ? task.getTaskEvents() : List.of();
    if (events.isEmpty() || !Tasks.isTerminal(events.get(events.size() - 1).getStatus())) {
      return false;
    }
    Long lastActive = null;
    for (TaskEvent event : events) {
      if (SCHEDULER_ENDED.contains(event.getStatus())) {
        return false;
      }
      if (Tasks.isActive(event.getStatus())) {
        lastActive = event.getTimestamp();
      }
    }
    if (lastActive == null) {
      return false;
    }
    long terminalAt = events.get(events.size() - 1).getTimestamp();
    return terminalAt - lastActive < options.flappingThreshold().toMillis();
  }
}
