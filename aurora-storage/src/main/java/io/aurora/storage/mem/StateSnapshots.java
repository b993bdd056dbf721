package io.aurora.storage.mem;

import io.aurora.gen.HostAttributes;
import io.aurora.gen.HostMaintenanceRequest;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.storage.Op;
import io.aurora.gen.storage.QuotaConfiguration;
import io.aurora.gen.storage.SchedulerMetadata;
import io.aurora.gen.storage.Snapshot;
import io.aurora.gen.storage.StoredTask;
import io.aurora.gen.storage.StoredTaskConfig;
import io.aurora.gen.storage.storageConstants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * Converts between a {@link StoreState} and the {@link Snapshot} struct of the log and backups.
 * Lists are sorted by their key so that equal states give equal snapshots (and equal bytes).
 */
final class StateSnapshots {
  private StateSnapshots() {}

  static Snapshot toSnapshot(StoreState state, long timestampMs) {
    Snapshot snapshot = withoutTasks(state, timestampMs);
    snapshot.setTaskConfigs(configs(state));
    List<StoredTask> tasks = new ArrayList<>(state.taskCount());
    for (TaskTable.TaskRecord record : sortedTasks(state)) {
      tasks.add(new StoredTask(record.configId(), record.task()));
    }
    snapshot.setTasks(tasks);
    return snapshot;
  }

  /** Every config a task refers to, sorted by config id. */
  static List<StoredTaskConfig> configs(StoreState state) {
    List<StoredTaskConfig> configs = new ArrayList<>();
    state.tasks.configs.forEach((id, record) -> {
      // A config no task refers to is dropped by the transaction that removed its last task; one
      // that is still here (mid-transaction) is not part of the state a snapshot describes.
      if (record.refs() > 0) {
        configs.add(new StoredTaskConfig(id, record.config()));
      }
    });
    configs.sort(Comparator.comparing(StoredTaskConfig::getConfigId));
    return configs;
  }

  /** The stored tasks (without their configs), sorted by task id. */
  static TaskTable.TaskRecord[] sortedTasks(StoreState state) {
    TaskTable.TaskRecord[] tasks = new TaskTable.TaskRecord[state.taskCount()];
    int[] next = new int[1];
    state.tasks.tasks.forEach((id, record) -> tasks[next[0]++] = record);
    Arrays.sort(tasks, Comparator.comparing(r -> r.task().getAssignedTask().getTaskId()));
    return tasks;
  }

  /** The snapshot of everything except task configs and tasks (left unset). */
  static Snapshot withoutTasks(StoreState state, long timestampMs) {
    Snapshot snapshot = new Snapshot();
    snapshot.setTimestampMs(timestampMs);
    snapshot.setSchemaVersion(storageConstants.CURRENT_SCHEMA_VERSION);
    SchedulerMetadata metadata = new SchedulerMetadata();
    metadata.setDetails(new HashMap<>());
    state.frameworkId.ifPresent(metadata::setFrameworkId);
    snapshot.setSchedulerMetadata(metadata);
    snapshot.setJobConfigurations(sorted(state.jobs.values(),
        Comparator.comparing(JobConfiguration::getKey)));
    snapshot.setCronJobs(sorted(state.cronJobs.values(),
        Comparator.comparing(JobConfiguration::getKey)));
    List<QuotaConfiguration> quotas = new ArrayList<>();
    state.quotas.forEach((role, quota) -> quotas.add(new QuotaConfiguration(role, quota)));
    snapshot.setQuotas(sorted(quotas, Comparator.comparing(QuotaConfiguration::getRole)));
    snapshot.setHostAttributes(sorted(state.hosts.values(),
        Comparator.comparing(HostAttributes::getHost)));
    List<JobUpdateDetails> updates = new ArrayList<>();
    state.updates.forEach((key, record) -> updates.add(new JobUpdateDetails(record.update(),
        new ArrayList<>(record.events()), new ArrayList<>(record.instanceEvents()))));
    snapshot.setJobUpdateDetails(sorted(updates,
        Comparator.comparing(d -> d.getUpdate().getSummary().getKey())));
    snapshot.setHostMaintenanceRequests(sorted(state.maintenance.values(),
        Comparator.comparing(HostMaintenanceRequest::getHost)));
    if (state.logPosition > 0) {
      snapshot.setLogPosition(state.logPosition);
    }
    return snapshot;
  }

  static StoreState fromSnapshot(Snapshot snapshot) {
    if (snapshot.getSchemaVersion() > storageConstants.CURRENT_SCHEMA_VERSION) {
      throw new IllegalStateException("snapshot schema version " + snapshot.getSchemaVersion()
          + " is newer than this scheduler's " + storageConstants.CURRENT_SCHEMA_VERSION);
    }
    StateDraft draft = new StateDraft(StoreState.empty());
    draft.loadTasks(nonNull(snapshot.getTaskConfigs()), nonNull(snapshot.getTasks()));
    for (JobConfiguration job : nonNull(snapshot.getJobConfigurations())) {
      draft.apply(Op.saveJobConfiguration(new io.aurora.gen.storage.SaveJobConfiguration(job)));
    }
    for (JobConfiguration job : nonNull(snapshot.getCronJobs())) {
      draft.apply(Op.saveCronJob(new io.aurora.gen.storage.SaveCronJob(job)));
    }
    for (QuotaConfiguration quota : nonNull(snapshot.getQuotas())) {
      draft.apply(Op.saveQuota(new io.aurora.gen.storage.SaveQuota(quota.getRole(),
          quota.getQuota())));
    }
    for (HostAttributes host : nonNull(snapshot.getHostAttributes())) {
      draft.apply(Op.saveHostAttributes(new io.aurora.gen.storage.SaveHostAttributes(host)));
    }
    for (JobUpdateDetails details : nonNull(snapshot.getJobUpdateDetails())) {
      JobUpdateKey key = details.getUpdate().getSummary().getKey();
      draft.apply(Op.saveJobUpdate(new io.aurora.gen.storage.SaveJobUpdate(details.getUpdate())));
      nonNull(details.getUpdateEvents()).forEach(e -> draft.apply(Op.saveJobUpdateEvent(
          new io.aurora.gen.storage.SaveJobUpdateEvent(key, e))));
      nonNull(details.getInstanceEvents()).forEach(e -> draft.apply(Op.saveJobInstanceUpdateEvent(
          new io.aurora.gen.storage.SaveJobInstanceUpdateEvent(key, e))));
    }
    for (HostMaintenanceRequest request : nonNull(snapshot.getHostMaintenanceRequests())) {
      draft.apply(Op.saveHostMaintenanceRequest(
          new io.aurora.gen.storage.SaveHostMaintenanceRequest(request)));
    }
    SchedulerMetadata metadata = snapshot.getSchedulerMetadata();
    if (metadata != null && metadata.isSetFrameworkId()) {
      draft.apply(Op.saveFrameworkId(
          new io.aurora.gen.storage.SaveFrameworkId(metadata.getFrameworkId())));
    }
    return draft.toState(snapshot.isSetLogPosition() ? snapshot.getLogPosition() : 0);
  }

  private static <T> List<T> sorted(List<T> values, Comparator<? super T> order) {
    values.sort(order);
    return values;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
