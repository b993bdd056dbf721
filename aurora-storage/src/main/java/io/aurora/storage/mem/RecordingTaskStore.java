package io.aurora.storage.mem;

import static com.google.common.base.Preconditions.checkArgument;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.gen.storage.AssignTask;
import io.aurora.gen.storage.ChangeTaskStatus;
import io.aurora.gen.storage.Op;
import io.aurora.gen.storage.RemoveTasks;
import io.aurora.gen.storage.SaveTaskConfig;
import io.aurora.gen.storage.SaveTasks;
import io.aurora.gen.storage.StoredTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/** The task store of a write transaction: turns each mutation into its (small) op. */
final class RecordingTaskStore extends StateTaskStore implements io.aurora.storage.TaskStore.Mutable {
  private final RecordingStores tx;

  RecordingTaskStore(RecordingStores tx) {
    super(() -> tx.draft().tasks());
    this.tx = tx;
  }

  @Override
  public void saveTasks(Collection<ScheduledTask> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    List<StoredTask> stored = new ArrayList<>(tasks.size());
    // Ids are computed once per distinct config: the instances of a job usually share one
    // object, found by identity first (hashing and comparing a config is deep), then by value.
    Map<TaskConfig, String> ids = new HashMap<>();
    Map<TaskConfig, String> idsByIdentity = new IdentityHashMap<>();
    for (ScheduledTask task : tasks) {
      Objects.requireNonNull(task, "task");
      checkArgument(task.getAssignedTask() != null && task.getAssignedTask().getTaskId() != null,
          "task without an id: %s", task);
      TaskConfig config = task.getAssignedTask().getTask();
      checkArgument(config != null && config.getJob() != null, "task %s has no config or job key",
          task.getAssignedTask().getTaskId());
      checkArgument(task.getStatus() != null, "task %s has no status",
          task.getAssignedTask().getTaskId());
      String configId = idsByIdentity.computeIfAbsent(config,
          c -> ids.computeIfAbsent(c, TaskConfigIds::of));
      if (!tx.draft().tasks().configs.containsKey(configId)) {
        tx.record(Op.saveTaskConfig(new SaveTaskConfig(configId, config.deepCopy())));
        tx.maybeOrphanedConfigs.add(configId);
      }
      ScheduledTask copy = copyWithoutConfig(task);
      String old = existingConfigId(copy.getAssignedTask().getTaskId());
      if (old != null) {
        tx.maybeOrphanedConfigs.add(old);
      }
      stored.add(new StoredTask(configId, copy));
    }
    tx.record(Op.saveTasks(new SaveTasks(stored)));
  }

  @Override
  public void changeStatus(String taskId, TaskEvent event, OptionalInt failureCount,
      OptionalInt timesPartitioned) {
    checkArgument(existingConfigId(taskId) != null, "unknown task %s", taskId);
    Objects.requireNonNull(event, "event");
    checkArgument(event.getStatus() != null, "task event without a status");
    ChangeTaskStatus op = new ChangeTaskStatus(taskId, event.getStatus(), event.deepCopy());
    failureCount.ifPresent(op::setFailureCount);
    timesPartitioned.ifPresent(op::setTimesPartitioned);
    tx.record(Op.changeTaskStatus(op));
  }

  @Override
  public void assign(String taskId, String slaveId, String slaveHost, Map<String, Integer> ports) {
    checkArgument(existingConfigId(taskId) != null, "unknown task %s", taskId);
    Objects.requireNonNull(slaveId, "slaveId");
    Objects.requireNonNull(slaveHost, "slaveHost");
    tx.record(Op.assignTask(new AssignTask(taskId, slaveId, slaveHost, new HashMap<>(ports))));
  }

  @Override
  public void removeTasks(Set<String> taskIds) {
    Set<String> present = new HashSet<>();
    for (String id : taskIds) {
      String configId = existingConfigId(id);
      if (configId != null) {
        present.add(id);
        tx.maybeOrphanedConfigs.add(configId);
      }
    }
    if (!present.isEmpty()) {
      tx.record(Op.removeTasks(new RemoveTasks(present)));
    }
  }

  /**
   * A deep copy of {@code task} without its config (stored apart, by id): the config is detached
   * from the caller's task for the copy and put back, so it is not copied only to be dropped.
   */
  private static ScheduledTask copyWithoutConfig(ScheduledTask task) {
    AssignedTask assigned = task.getAssignedTask();
    TaskConfig config = assigned.getTask();
    assigned.setTask(null);
    try {
      return task.deepCopy();
    } finally {
      assigned.setTask(config);
    }
  }

  private String existingConfigId(String taskId) {
    TaskTable.TaskRecord record = tx.draft().tasks().tasks.get(taskId);
    return record == null ? null : record.configId();
  }
}
