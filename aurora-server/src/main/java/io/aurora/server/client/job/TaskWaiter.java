package io.aurora.server.client.job;

import io.aurora.api.TaskQueries;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.ProgressLine;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.cli.Sleeper;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Polls a job's tasks until the newest task of every instance asked about is in a wanted status,
 * on Aurora's client's schedule: a first look at once, then pauses of 2 s, doubling up to 150 s.
 * A bounded wait (a kill's) gives up when the next pause would be 150 s, about four minutes in.
 * Each look shows the instances' statuses on a {@link ProgressLine}.
 */
final class TaskWaiter {
  /** The first pause between looks. */
  static final Duration FIRST_PAUSE = Duration.ofSeconds(2);
  /** The longest pause; a bounded wait ends when it would pause this long. */
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(150);

  private final SchedulerCalls scheduler;
  private final Sleeper sleeper;
  private final ProgressLine line;

  TaskWaiter(SchedulerCalls scheduler, Sleeper sleeper, ProgressLine line) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.line = Objects.requireNonNull(line, "line");
  }

  /**
   * Waits until the newest task of each of {@code instances} (every instance of the job when
   * empty) is in a status {@code reached} accepts. An instance without tasks does not hold the
   * wait up.
   *
   * @param goal how the progress line names what is waited for ({@code running})
   * @param bounded whether to give up (after about four minutes)
   * @return whether every instance got there (always true when not bounded)
   */
  boolean await(JobPath job, Optional<? extends Collection<Integer>> instances, String goal,
      Predicate<ScheduleStatus> reached, boolean bounded) {
    TaskQueries.Builder query = TaskQueries.byJob(job.jobKey());
    instances.ifPresent(ids -> query.instances(ids.stream().mapToInt(Integer::intValue).toArray()));
    Duration pause = FIRST_PAUSE;
    while (true) {
      Map<Integer, ScheduledTask> newest =
          InstanceTasks.newestByInstance(InstanceTasks.fetch(scheduler, query.build()));
      line.show(job + ": waiting until " + goal + ": "
          + InstanceTasks.counts(InstanceTasks.countByStatus(newest.values())));
      if (newest.values().stream().allMatch(t -> reached.test(t.getStatus()))) {
        line.finish();
        return true;
      }
      if (bounded && pause.compareTo(LONGEST_PAUSE) >= 0) {
        line.finish();
        return false;
      }
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        line.finish();
        throw new ClientFailure(ExitCodes.INTERRUPTED, "interrupted", e);
      }
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }
  }
}
