package io.aurora.server.client.job;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.ProgressLine;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.cli.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Watches the instances of one restart batch, as Aurora's client's instance watcher does: every
 * {@code interval} it looks up their RUNNING tasks. An instance is restarted once the client has
 * seen the same task RUNNING for {@code watch}; it has failed when that task stops running or is
 * replaced by another, or when no task of it runs within {@code threshold} of the batch's start.
 * The watch ends when every instance is restarted or failed, or at the latest {@code threshold +
 * watch} after the start (instances not restarted by then have failed).
 */
final class RestartWatcher {
  /** Settings of a watch. */
  record Timing(Duration watch, Duration threshold, Duration interval) {
    Timing {
      Objects.requireNonNull(watch, "watch");
      Objects.requireNonNull(threshold, "threshold");
      Objects.requireNonNull(interval, "interval");
    }
  }

  /** The task first seen running for an instance, and when the client saw it. */
  private record Seen(String taskId, Instant since) {}

  private final SchedulerCalls scheduler;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ProgressLine line;
  private final Timing timing;

  RestartWatcher(SchedulerCalls scheduler, Clock clock, Sleeper sleeper, ProgressLine line,
      Timing timing) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.line = Objects.requireNonNull(line, "line");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /**
   * Watches {@code batch} of {@code job}, just restarted.
   *
   * @param progress what the progress line says before the batch's own state
   * @return the instances that failed
   */
  SortedSet<Integer> watch(JobPath job, SortedSet<Integer> batch, String progress) {
    Instant start = clock.instant();
    Instant runningBy = start.plus(timing.threshold());
    Instant deadline = runningBy.plus(timing.watch());
    Map<Integer, Seen> seen = new HashMap<>();
    SortedMap<Integer, Boolean> outcome = new TreeMap<>();
    TaskQueries.Builder query = TaskQueries.byJob(job.jobKey()).statuses(ScheduleStatus.RUNNING)
        .instances(batch.stream().mapToInt(Integer::intValue).toArray());
    while (true) {
      Map<Integer, ScheduledTask> running =
          InstanceTasks.newestByInstance(InstanceTasks.fetch(scheduler, query.build()));
      Instant now = clock.instant();
      for (int id : batch) {
        if (outcome.containsKey(id)) {
          continue;
        }
        ScheduledTask task = running.get(id);
        Seen first = seen.get(id);
        if (task == null) {
          // Running before and not now: it ended. Never running: give it until the threshold.
          if (first != null || now.isAfter(runningBy)) {
            outcome.put(id, false);
          }
        } else if (first == null) {
          seen.put(id, new Seen(Tasks.id(task), now));
          if (timing.watch().isZero()) {
            outcome.put(id, true);
          }
        } else if (!first.taskId().equals(Tasks.id(task))) {
          outcome.put(id, false); // the task that was running was replaced: it failed
        } else if (!now.isBefore(first.since().plus(timing.watch()))) {
          outcome.put(id, true);
        }
      }
      line.show(progress + state(batch, seen, outcome));
      if (outcome.size() == batch.size() || now.isAfter(deadline)) {
        SortedSet<Integer> failed = new TreeSet<>(batch);
        outcome.forEach((id, restarted) -> {
          if (restarted) {
            failed.remove(id);
          }
        });
        return failed;
      }
      pause();
    }
  }

  private String state(SortedSet<Integer> batch, Map<Integer, Seen> seen,
      Map<Integer, Boolean> outcome) {
    int restarted = (int) outcome.values().stream().filter(b -> b).count();
    int failed = outcome.size() - restarted;
    int watched = (int) seen.keySet().stream().filter(id -> !outcome.containsKey(id)).count();
    int waiting = batch.size() - outcome.size() - watched;
    StringBuilder text = new StringBuilder();
    append(text, restarted, "restarted");
    append(text, watched, "running (" + timing.watch().toSeconds() + " s watch)");
    append(text, waiting, "not running yet");
    append(text, failed, "failed");
    return text.toString();
  }

  private static void append(StringBuilder text, int count, String what) {
    if (count > 0) {
      text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(what);
    }
  }

  private void pause() {
    try {
      sleeper.sleep(timing.interval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      line.finish();
      throw new ClientFailure(ExitCodes.INTERRUPTED, "interrupted", e);
    }
  }
}
