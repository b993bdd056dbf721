package io.aurora.storage;

import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import io.aurora.gen.TaskQuery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Tasks, indexed by task id, job key, agent host and status.
 *
 * <p>Tasks are returned as freshly built {@link ScheduledTask}s the caller owns. Within one call,
 * tasks that share a configuration (the instances of a job) share one copy of their
 * {@code assignedTask.task}: a caller that modifies a returned config changes it for the other
 * tasks of the same result, never in the store.
 */
public interface TaskStore {

  /** The task with this id, if any. */
  Optional<ScheduledTask> fetchTask(String taskId);

  /**
   * Tasks matching {@code query} (see {@code io.aurora.api.TaskQueries} for its semantics). With an
   * offset or a limit, matches are ordered by task id before they are applied.
   */
  List<ScheduledTask> fetchTasks(TaskQuery query);

  /** How many tasks match {@code query} (offset and limit ignored); builds no task. */
  int countTasks(TaskQuery query);

  /** The ids of tasks matching {@code query} (offset and limit ignored); builds no task. */
  Set<String> taskIds(TaskQuery query);

  /** Keys of every job that has at least one task. */
  Set<JobKey> jobKeys();

  /** The number of tasks in each status (statuses without tasks are absent). */
  Map<ScheduleStatus, Integer> countByStatus();

  /** The task mutations of a write transaction. Each maps to one op of the log. */
  interface Mutable extends TaskStore {

    /**
     * Inserts tasks or replaces them whole, by task id. Every task must carry
     * {@code assignedTask.task}; equal configs are stored once.
     */
    void saveTasks(Collection<ScheduledTask> tasks);

    /**
     * Moves a task to {@code event.status}, appending {@code event} to its history, and sets the
     * counters that are present.
     *
     * @throws IllegalArgumentException if no task has this id
     */
    void changeStatus(String taskId, TaskEvent event, OptionalInt failureCount,
        OptionalInt timesPartitioned);

    /** {@link #changeStatus(String, TaskEvent, OptionalInt, OptionalInt)} without counters. */
    default void changeStatus(String taskId, TaskEvent event) {
      changeStatus(taskId, event, OptionalInt.empty(), OptionalInt.empty());
    }

    /**
     * Records the agent a task was placed on and its ports (the status change travels separately).
     *
     * @throws IllegalArgumentException if no task has this id
     */
    void assign(String taskId, String slaveId, String slaveHost, Map<String, Integer> ports);

    /** Deletes these tasks; unknown ids are ignored. */
    void removeTasks(Set<String> taskIds);
  }
}
