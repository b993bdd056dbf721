package io.aurora.storage.mem;

import static com.google.common.base.Preconditions.checkState;

import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.storage.AssignTask;
import io.aurora.gen.storage.ChangeTaskStatus;
import io.aurora.gen.storage.StoredTask;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable version of the task store: tasks without their configs, configs stored once with a
 * count of the tasks that refer to them, and the secondary indexes (job key, agent host, status).
 *
 * <p>Every method that changes something returns a new table sharing the untouched structure. The
 * {@link ScheduledTask} a {@link TaskRecord} holds is never modified once stored: a change builds a
 * copy of that one task (its config stays shared).
 */
final class TaskTable {
  static final TaskTable EMPTY = new TaskTable(PersistentMap.empty(), PersistentMap.empty(),
      PersistentMap.empty(), PersistentMap.empty(), PersistentMap.empty());

  /** A stored task: its {@code assignedTask.task} is unset, {@code configId} names the config. */
  record TaskRecord(String configId, ScheduledTask task) {
    TaskRecord {
      Objects.requireNonNull(configId, "configId");
      Objects.requireNonNull(task, "task");
    }
  }

  /** A config and how many tasks refer to it. */
  record ConfigRecord(TaskConfig config, int refs) {}

  final PersistentMap<String, TaskRecord> tasks;
  final PersistentMap<String, ConfigRecord> configs;
  final PersistentMap<JobKey, PersistentMap<String, Boolean>> byJob;
  final PersistentMap<String, PersistentMap<String, Boolean>> byHost;
  final PersistentMap<ScheduleStatus, PersistentMap<String, Boolean>> byStatus;

  private TaskTable(PersistentMap<String, TaskRecord> tasks,
      PersistentMap<String, ConfigRecord> configs,
      PersistentMap<JobKey, PersistentMap<String, Boolean>> byJob,
      PersistentMap<String, PersistentMap<String, Boolean>> byHost,
      PersistentMap<ScheduleStatus, PersistentMap<String, Boolean>> byStatus) {
    this.tasks = tasks;
    this.configs = configs;
    this.byJob = byJob;
    this.byHost = byHost;
    this.byStatus = byStatus;
  }

  /**
   * The table of {@code configs} (by id) and the {@code stored} tasks that refer to them, built
   * at once (see {@link PersistentMap.Builder}) rather than task by task: how a state recovered
   * from a snapshot is made. Empty if a task id repeats; the caller then saves the tasks one by
   * one, the later replacing the earlier, as a snapshot replay always has.
   */
  static Optional<TaskTable> load(Map<String, TaskConfig> configs, List<StoredTask> stored) {
    PersistentMap.Builder<String, TaskRecord> tasks = new PersistentMap.Builder<>(stored.size());
    Map<String, Integer> refs = new HashMap<>();
    Map<JobKey, PersistentMap.Builder<String, Boolean>> jobs = new HashMap<>();
    Map<String, PersistentMap.Builder<String, Boolean>> hosts = new HashMap<>();
    Map<ScheduleStatus, PersistentMap.Builder<String, Boolean>> statuses =
        new EnumMap<>(ScheduleStatus.class);
    for (StoredTask s : stored) {
      ScheduledTask task = s.getTask();
      checkState(task.getAssignedTask().getTask() == null,
          "a stored task must not carry its config");
      String id = task.getAssignedTask().getTaskId();
      TaskConfig config = configs.get(s.getConfigId());
      checkState(config != null, "task %s refers to unknown config %s", id, s.getConfigId());
      int before = tasks.size();
      tasks.put(id, new TaskRecord(s.getConfigId(), task));
      if (tasks.size() == before) {
        return Optional.empty();
      }
      refs.merge(s.getConfigId(), 1, Integer::sum);
      jobs.computeIfAbsent(config.getJob(), k -> new PersistentMap.Builder<>(16)).put(id, true);
      String host = task.getAssignedTask().getSlaveHost();
      if (host != null) {
        hosts.computeIfAbsent(host, k -> new PersistentMap.Builder<>(16)).put(id, true);
      }
      statuses.computeIfAbsent(task.getStatus(), k -> new PersistentMap.Builder<>(1024))
          .put(id, true);
    }
    PersistentMap.Builder<String, ConfigRecord> configRecords =
        new PersistentMap.Builder<>(configs.size());
    configs.forEach((id, config) ->
        configRecords.put(id, new ConfigRecord(config, refs.getOrDefault(id, 0))));
    return Optional.of(new TaskTable(tasks.build(), configRecords.build(), built(jobs),
        built(hosts), built(statuses)));
  }

  private static <K> PersistentMap<K, PersistentMap<String, Boolean>> built(
      Map<K, PersistentMap.Builder<String, Boolean>> index) {
    PersistentMap.Builder<K, PersistentMap<String, Boolean>> out =
        new PersistentMap.Builder<>(index.size());
    index.forEach((key, ids) -> out.put(key, ids.build()));
    return out.build();
  }

  TaskConfig config(String configId) {
    ConfigRecord record = configs.get(configId);
    checkState(record != null, "unknown task config %s", configId);
    return record.config();
  }

  JobKey jobKey(TaskRecord record) {
    return config(record.configId()).getJob();
  }

  TaskTable saveConfig(String configId, TaskConfig config) {
    if (configs.containsKey(configId)) {
      return this;
    }
    return new TaskTable(tasks, configs.plus(configId, new ConfigRecord(config, 0)), byJob, byHost,
        byStatus);
  }

  TaskTable removeConfig(String configId) {
    ConfigRecord record = configs.get(configId);
    if (record == null) {
      return this;
    }
    checkState(record.refs() == 0, "config %s is still used by %s tasks", configId, record.refs());
    return new TaskTable(tasks, configs.minus(configId), byJob, byHost, byStatus);
  }

  TaskTable save(StoredTask stored) {
    ScheduledTask task = stored.getTask();
    checkState(task.getAssignedTask().getTask() == null, "a stored task must not carry its config");
    String id = task.getAssignedTask().getTaskId();
    TaskRecord old = tasks.get(id);
    TaskRecord record = new TaskRecord(stored.getConfigId(), task);
    if (old != null && old.configId().equals(record.configId())) {
      return replace(old, record);
    }
    return (old == null ? this : remove(id)).insert(record);
  }

  TaskTable changeStatus(ChangeTaskStatus op) {
    TaskRecord old = existing(op.getTaskId());
    ScheduledTask task = old.task().deepCopy();
    task.setStatus(op.getStatus());
    task.addToTaskEvents(op.getEvent().deepCopy());
    if (op.isSetFailureCount()) {
      task.setFailureCount(op.getFailureCount());
    }
    if (op.isSetTimesPartitioned()) {
      task.setTimesPartitioned(op.getTimesPartitioned());
    }
    return replace(old, new TaskRecord(old.configId(), task));
  }

  TaskTable assign(AssignTask op) {
    TaskRecord old = existing(op.getTaskId());
    ScheduledTask task = old.task().deepCopy();
    task.getAssignedTask().setSlaveId(op.getSlaveId());
    task.getAssignedTask().setSlaveHost(op.getSlaveHost());
    task.getAssignedTask().setAssignedPorts(
        op.getAssignedPorts() == null ? new HashMap<>() : new HashMap<>(op.getAssignedPorts()));
    return replace(old, new TaskRecord(old.configId(), task));
  }

  /**
   * The table with {@code old} replaced by {@code updated}: the same task, with the same config.
   * Only what differs is touched: the task's entry, and the host and status indexes if the host
   * or status changed. The config's count and the job index stay as they are (a remove and an
   * insert would copy their paths twice to end where they began).
   */
  private TaskTable replace(TaskRecord old, TaskRecord updated) {
    String taskId = updated.task().getAssignedTask().getTaskId();
    ScheduledTask before = old.task();
    ScheduledTask after = updated.task();
    String oldHost = before.getAssignedTask().getSlaveHost();
    String newHost = after.getAssignedTask().getSlaveHost();
    PersistentMap<String, PersistentMap<String, Boolean>> hosts = byHost;
    if (!Objects.equals(oldHost, newHost)) {
      hosts = oldHost == null ? hosts : unindex(hosts, oldHost, taskId);
      hosts = newHost == null ? hosts : index(hosts, newHost, taskId);
    }
    PersistentMap<ScheduleStatus, PersistentMap<String, Boolean>> statuses = byStatus;
    if (before.getStatus() != after.getStatus()) {
      statuses = index(unindex(statuses, before.getStatus(), taskId), after.getStatus(), taskId);
    }
    return new TaskTable(tasks.plus(taskId, updated), configs, byJob, hosts, statuses);
  }

  private TaskRecord existing(String taskId) {
    TaskRecord record = tasks.get(taskId);
    checkState(record != null, "unknown task %s", taskId);
    return record;
  }

  /** Removes a task; its config stays (with one reference less) until it is removed explicitly. */
  TaskTable remove(String taskId) {
    TaskRecord old = tasks.get(taskId);
    if (old == null) {
      return this;
    }
    ConfigRecord config = configs.get(old.configId());
    String host = old.task().getAssignedTask().getSlaveHost();
    return new TaskTable(
        tasks.minus(taskId),
        configs.plus(old.configId(), new ConfigRecord(config.config(), config.refs() - 1)),
        unindex(byJob, config.config().getJob(), taskId),
        host == null ? byHost : unindex(byHost, host, taskId),
        unindex(byStatus, old.task().getStatus(), taskId));
  }

  private TaskTable insert(TaskRecord record) {
    String taskId = record.task().getAssignedTask().getTaskId();
    ConfigRecord config = configs.get(record.configId());
    checkState(config != null, "task %s refers to unknown config %s", taskId, record.configId());
    String host = record.task().getAssignedTask().getSlaveHost();
    return new TaskTable(
        tasks.plus(taskId, record),
        configs.plus(record.configId(), new ConfigRecord(config.config(), config.refs() + 1)),
        index(byJob, config.config().getJob(), taskId),
        host == null ? byHost : index(byHost, host, taskId),
        index(byStatus, record.task().getStatus(), taskId));
  }

  private static <K> PersistentMap<K, PersistentMap<String, Boolean>> index(
      PersistentMap<K, PersistentMap<String, Boolean>> index, K key, String taskId) {
    PersistentMap<String, Boolean> ids = index.get(key);
    return index.plus(key, (ids == null ? PersistentMap.<String, Boolean>empty() : ids)
        .plus(taskId, Boolean.TRUE));
  }

  private static <K> PersistentMap<K, PersistentMap<String, Boolean>> unindex(
      PersistentMap<K, PersistentMap<String, Boolean>> index, K key, String taskId) {
    PersistentMap<String, Boolean> ids = index.get(key);
    if (ids == null) {
      return index;
    }
    PersistentMap<String, Boolean> rest = ids.minus(taskId);
    return rest.isEmpty() ? index.minus(key) : index.plus(key, rest);
  }

  /** Task count per status. */
  Map<ScheduleStatus, Integer> countByStatus() {
    Map<ScheduleStatus, Integer> counts = new HashMap<>();
    byStatus.forEach((status, ids) -> counts.put(status, ids.size()));
    return counts;
  }
}
