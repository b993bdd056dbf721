package io.aurora.storage.mem;

import io.aurora.api.TaskQueries;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskQuery;
import io.aurora.storage.TaskStore;
import io.aurora.storage.mem.TaskTable.TaskRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The read side of the task store over one {@link TaskTable}: picks the narrowest index a query
 * allows, filters with {@link TaskQueries#matches}, and builds the caller's copies.
 */
class StateTaskStore implements TaskStore {
  private final Supplier<TaskTable> table;

  StateTaskStore(Supplier<TaskTable> table) {
    this.table = table;
  }

  @Override
  public Optional<ScheduledTask> fetchTask(String taskId) {
    TaskTable t = table.get();
    TaskRecord record = t.tasks.get(taskId);
    return record == null ? Optional.empty()
        : Optional.of(build(t, record, new HashMap<>()));
  }

  @Override
  public List<ScheduledTask> fetchTasks(TaskQuery query) {
    TaskTable t = table.get();
    List<TaskRecord> matches = new ArrayList<>();
    forEachMatch(t, query, matches::add);
    if (query.getOffset() > 0 || query.getLimit() > 0) {
      matches.sort(Comparator.comparing(r -> r.task().getAssignedTask().getTaskId()));
      int from = Math.min(query.getOffset(), matches.size());
      int to = query.getLimit() > 0 ? Math.min(matches.size(), from + query.getLimit())
          : matches.size();
      matches = matches.subList(from, to);
    }
    Map<String, TaskConfig> configCopies = new HashMap<>();
    List<ScheduledTask> out = new ArrayList<>(matches.size());
    for (TaskRecord record : matches) {
      out.add(build(t, record, configCopies));
    }
    return out;
  }

  @Override
  public int countTasks(TaskQuery query) {
    int[] count = new int[1];
    forEachMatch(table.get(), query, r -> count[0]++);
    return count[0];
  }

  @Override
  public Set<String> taskIds(TaskQuery query) {
    Set<String> ids = new HashSet<>();
    forEachMatch(table.get(), query, r -> ids.add(r.task().getAssignedTask().getTaskId()));
    return ids;
  }

  @Override
  public Set<JobKey> jobKeys() {
    Set<JobKey> keys = new HashSet<>();
    table.get().byJob.forEach((key, ids) -> keys.add(key.deepCopy()));
    return keys;
  }

  @Override
  public Map<ScheduleStatus, Integer> countByStatus() {
    return table.get().countByStatus();
  }

  /** A caller-owned task; configs are copied once per call and shared within its result. */
  private static ScheduledTask build(TaskTable t, TaskRecord record,
      Map<String, TaskConfig> configCopies) {
    ScheduledTask task = record.task().deepCopy();
    task.getAssignedTask().setTask(
        configCopies.computeIfAbsent(record.configId(), id -> t.config(id).deepCopy()));
    return task;
  }

  private static void forEachMatch(TaskTable t, TaskQuery query, Consumer<TaskRecord> action) {
    Set<Integer> instances = isSet(query.getInstanceIds()) ? query.getInstanceIds() : null;
    Set<ScheduleStatus> statuses = isSet(query.getStatuses()) ? query.getStatuses() : null;
    for (String id : candidates(t, query)) {
      TaskRecord record = t.tasks.get(id);
      if (record == null) {
        continue;
      }
      // The cheap terms first, on the stored task itself: a job's instances or statuses query
      // (the updater's, the pruner's) rejects most of the job's tasks without a config lookup.
      ScheduledTask stored = record.task();
      if ((instances != null && !instances.contains(stored.getAssignedTask().getInstanceId()))
          || (statuses != null && !statuses.contains(stored.getStatus()))) {
        continue;
      }
      if (TaskQueries.matches(query, view(t, record))) {
        action.accept(record);
      }
    }
  }

  /** A shallow task for matching only: it shares every struct with the store. */
  private static ScheduledTask view(TaskTable t, TaskRecord record) {
    ScheduledTask stored = record.task();
    AssignedTask assigned = new AssignedTask();
    assigned.setTaskId(stored.getAssignedTask().getTaskId());
    assigned.setSlaveHost(stored.getAssignedTask().getSlaveHost());
    assigned.setInstanceId(stored.getAssignedTask().getInstanceId());
    assigned.setTask(t.config(record.configId()));
    ScheduledTask view = new ScheduledTask();
    view.setAssignedTask(assigned);
    view.setStatus(stored.getStatus());
    return view;
  }

  /** Ids that may match: from the narrowest index the query names, else every task. */
  private static Iterable<String> candidates(TaskTable t, TaskQuery query) {
    if (isSet(query.getTaskIds())) {
      return query.getTaskIds();
    }
    if (isSet(query.getJobKeys())) {
      return union(t.byJob, query.getJobKeys());
    }
    if (query.getRole() != null && query.getEnvironment() != null && query.getJobName() != null) {
      return union(t.byJob, Set.of(new JobKey(query.getRole(), query.getEnvironment(),
          query.getJobName())));
    }
    if (isSet(query.getSlaveHosts())) {
      return union(t.byHost, query.getSlaveHosts());
    }
    if (isSet(query.getStatuses())) {
      return union(t.byStatus, query.getStatuses());
    }
    return t.tasks.keys();
  }

  private static <K> List<String> union(PersistentMap<K, PersistentMap<String, Boolean>> index,
      Set<K> keys) {
    List<String> ids = new ArrayList<>();
    for (K key : keys) {
      PersistentMap<String, Boolean> set = index.get(key);
      if (set != null) {
        set.forEach((id, ignored) -> ids.add(id));
      }
    }
    return ids;
  }

  private static boolean isSet(Set<?> set) {
    return set != null && !set.isEmpty();
  }
}
