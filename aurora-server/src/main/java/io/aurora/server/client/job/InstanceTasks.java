package io.aurora.server.client.job;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.Response;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import io.aurora.gen.TaskQuery;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.cli.SchedulerCalls;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tasks of a job seen per instance: an instance's newest task (the one created last, as
 * Aurora's client picks it) stands for the instance; older ones are its history.
 */
final class InstanceTasks {
  private InstanceTasks() {}

  /** The tasks {@code query} selects, without their executor data. */
  static List<ScheduledTask> fetch(SchedulerCalls scheduler, TaskQuery query) {
    Response r = scheduler.ok(api -> api.getTasksWithoutConfigs(query));
    List<ScheduledTask> tasks = r.getResult().getScheduleStatusResult().getTasks();
    return tasks == null ? List.of() : tasks;
  }

  /** The ids of the instances of {@code job} that have an active task. */
  static SortedSet<Integer> activeInstances(SchedulerCalls scheduler, JobPath job) {
    return fetch(scheduler, TaskQueries.byJob(job.jobKey()).statuses(Tasks.ACTIVE_STATES).build())
        .stream().map(Tasks::instanceId).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Each instance's newest task. */
  static SortedMap<Integer, ScheduledTask> newestByInstance(Collection<ScheduledTask> tasks) {
    SortedMap<Integer, ScheduledTask> newest = new TreeMap<>();
    Comparator<ScheduledTask> order = Comparator.comparingLong(InstanceTasks::createdMs)
        .thenComparing(Tasks::id);
    for (ScheduledTask t : tasks) {
      newest.merge(Tasks.instanceId(t), t, (a, b) -> order.compare(b, a) > 0 ? b : a);
    }
    return newest;
  }

  /** How many of {@code tasks} are in each status, in the enum's order. */
  static Map<ScheduleStatus, Integer> countByStatus(Collection<ScheduledTask> tasks) {
    Map<ScheduleStatus, Integer> counts = new EnumMap<>(ScheduleStatus.class);
    for (ScheduledTask t : tasks) {
      counts.merge(t.getStatus(), 1, Integer::sum);
    }
    return counts;
  }

  /** {@code 1 PENDING, 2 RUNNING}, or {@code no tasks} when empty. */
  static String counts(Map<ScheduleStatus, Integer> counts) {
    return counts.isEmpty() ? "no tasks" : counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  /** When the task entered its current status: its latest event, if it has any. */
  static Optional<Instant> since(ScheduledTask task) {
    List<TaskEvent> events = task.getTaskEvents();
    if (events == null || events.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli(
        events.stream().mapToLong(TaskEvent::getTimestamp).max().getAsLong()));
  }

  private static long createdMs(ScheduledTask task) {
    List<TaskEvent> events = task.getTaskEvents();
    return events == null || events.isEmpty() ? Long.MIN_VALUE
        : events.stream().mapToLong(TaskEvent::getTimestamp).min().getAsLong();
  }
}
