package io.aurora.scheduling.cron;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the tasks of a cron job tell about its runs, for a scheduler that starts leading: when
 * the latest run started, and whether a KILL_EXISTING trigger killed the previous run without
 * starting its own (the old leader died while waiting for the kills). Read from the tasks alone,
 * since the log holds nothing else about runs; pure.
 *
 * <p>A run's tasks are the fresh ones (no ancestor; replacements of failed tasks have one); a run
 * started when its first task event was recorded. A KILL_EXISTING trigger leaves a KILLING event
 * with {@link TriggerAction#KILL_MESSAGE} on every task it killed (PENDING tasks are deleted at
 * once and leave none, but then nothing was waited for: the new run started in the same write).
 * Its launch is still owed if no fresh task that it did not kill started at or after the latest
 * such kill.
 *
 * @param lastRunStartMs when the latest run's first task was created, if the job has tasks
 * @param launchOwed whether a KILL_EXISTING launch was left unfinished
 */
public record CronRuns(OptionalLong lastRunStartMs, boolean launchOwed) {
  public CronRuns {
    Objects.requireNonNull(lastRunStartMs, "lastRunStartMs");
  }

  /** The runs of a job with these tasks (of every status). */
  public static CronRuns of(List<ScheduledTask> tasks) {
    long lastStart = Long.MIN_VALUE;
    long lastKill = Long.MIN_VALUE;
    for (ScheduledTask t : tasks) {
      if (isFresh(t)) {
        lastStart = Math.max(lastStart, created(t));
      }
      lastKill = Math.max(lastKill, cronKill(t));
    }
    boolean owed = false;
    if (lastKill != Long.MIN_VALUE) {
      owed = true;
      for (ScheduledTask t : tasks) {
        if (isFresh(t) && cronKill(t) == Long.MIN_VALUE && created(t) >= lastKill) {
          owed = false;
          break;
        }
      }
    }
    return new CronRuns(
        lastStart == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(lastStart), owed);
  }

  private static boolean isFresh(ScheduledTask t) {
    return !t.isSetAncestorId() || t.getAncestorId().isEmpty();
  }

  private static long created(ScheduledTask t) {
    List<TaskEvent> events = t.getTaskEvents();
    return events == null || events.isEmpty() ? Long.MIN_VALUE : events.get(0).getTimestamp();
  }

  /** When a KILL_EXISTING trigger killed this task, or MIN_VALUE if none did. */
  private static long cronKill(ScheduledTask t) {
    long at = Long.MIN_VALUE;
    if (t.getTaskEvents() != null) {
      for (TaskEvent e : t.getTaskEvents()) {
        if (e.getStatus() == ScheduleStatus.KILLING
            && TriggerAction.KILL_MESSAGE.equals(e.getMessage())) {
          at = Math.max(at, e.getTimestamp());
        }
      }
    }
    return at;
  }
}
