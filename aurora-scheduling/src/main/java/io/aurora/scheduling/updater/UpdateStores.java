package io.aurora.scheduling.updater;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.StartJobUpdateResult;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.update.InstanceTask;
import io.aurora.scheduling.update.InstanceTaskSource;
import io.aurora.storage.StoreProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The updater's reads, in the caller's transaction. */
final class UpdateStores {
  private UpdateStores() {}

  /** The config of each active instance of {@code job}. */
  static Map<Integer, TaskConfig> currentConfigs(StoreProvider stores, JobKey job) {
    Map<Integer, TaskConfig> out = new TreeMap<>();
    for (ScheduledTask t : stores.taskStore().fetchTasks(
        TaskQueries.byJob(job).statuses(Tasks.ACTIVE_STATES).build())) {
      out.putIfAbsent(t.getAssignedTask().getInstanceId(), t.getAssignedTask().getTask());
    }
    return out;
  }

  /** Every update that has not ended. */
  static List<JobUpdateDetails> activeUpdates(StoreProvider stores) {
    return stores.jobUpdateStore().fetchJobUpdates(new JobUpdateQuery()
        .setUpdateStatuses(EnumSet.copyOf(ActiveUpdates.STATUSES)));
  }

  /** What {@code startJobUpdate} answers about an update: its key and summary. */
  static StartJobUpdateResult startResult(JobUpdateSummary summary) {
    JobUpdateSummary copy = summary.deepCopy();
    return new StartJobUpdateResult(copy.getKey().deepCopy()).setUpdateSummary(copy);
  }

  /** The tasks of instances of {@code job}, active and ended, in one query. */
  static InstanceTaskSource tasks(StoreProvider stores, JobKey job) {
    return instances -> {
      Map<Integer, List<InstanceTask>> out = new HashMap<>();
      int[] ids = instances.stream().mapToInt(Integer::intValue).toArray();
      for (ScheduledTask t : stores.taskStore().fetchTasks(
          TaskQueries.byJob(job).instances(ids).build())) {
        out.computeIfAbsent(t.getAssignedTask().getInstanceId(), i -> new ArrayList<>())
            .add(InstanceTask.of(t));
      }
      return out;
    };
  }
}
