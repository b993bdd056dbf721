package io.aurora.storage.mem;

import static com.google.common.base.Preconditions.checkState;

import io.aurora.gen.HostAttributes;
import io.aurora.gen.HostMaintenanceRequest;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.storage.Op;
import io.aurora.gen.storage.SaveTaskConfig;
import io.aurora.gen.storage.SaveTasks;
import io.aurora.gen.storage.StoredTask;
import io.aurora.gen.storage.StoredTaskConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The next version of the stores while it is being built: starts from a {@link StoreState} and
 * applies {@link Op}s one by one.
 *
 * <p>This is the only code that changes state. A write transaction records an op and applies it
 * here; recovery and followers apply the ops they read from the log here too, so a replica that
 * applies the same ops in the same order reaches the same state by construction. An op that cannot
 * apply (a task or update that does not exist) means the log and the state disagree: it throws
 * {@link IllegalStateException}, never skips.
 */
public final class StateDraft {
  private TaskTable tasks;
  private PersistentMap<JobKey, JobConfiguration> jobs;
  private PersistentMap<JobKey, JobConfiguration> cronJobs;
  private PersistentMap<String, ResourceAggregate> quotas;
  private PersistentMap<String, HostAttributes> hosts;
  private PersistentMap<JobUpdateKey, UpdateRecord> updates;
  private Optional<String> frameworkId;
  private PersistentMap<String, HostMaintenanceRequest> maintenance;
  private final long basePosition;

  public StateDraft(StoreState base) {
    this.basePosition = base.logPosition;
    this.tasks = base.tasks;
    this.jobs = base.jobs;
    this.cronJobs = base.cronJobs;
    this.quotas = base.quotas;
    this.hosts = base.hosts;
    this.updates = base.updates;
    this.frameworkId = base.frameworkId;
    this.maintenance = base.maintenance;
  }

  /** The draft as a version at {@code logPosition}. Cheap: the draft may go on changing after. */
  public StoreState toState(long logPosition) {
    return new StoreState(logPosition, tasks, jobs, cronJobs, quotas, hosts, updates, frameworkId,
        maintenance);
  }

  /** The draft as it is now, for reads inside the transaction. */
  StoreState current() {
    return toState(basePosition);
  }

  /** Applies one op. */
  public void apply(Op op) {
    checkState(op.getSetField() != null, "an op with no member set");
    switch (op.getSetField()) {
      case SAVE_TASK_CONFIG -> {
        String id = op.getSaveTaskConfig().getConfigId();
        if (!tasks.configs.containsKey(id)) {
          tasks = tasks.saveConfig(id, sharedWithJobs(op.getSaveTaskConfig().getConfig()));
        }
      }
      case REMOVE_TASK_CONFIGS -> {
        for (String id : op.getRemoveTaskConfigs().getConfigIds()) {
          tasks = tasks.removeConfig(id);
        }
      }
      case SAVE_TASKS -> {
        for (StoredTask stored : op.getSaveTasks().getTasks()) {
          tasks = tasks.save(stored);
        }
      }
      case CHANGE_TASK_STATUS -> tasks = tasks.changeStatus(op.getChangeTaskStatus());
      case ASSIGN_TASK -> tasks = tasks.assign(op.getAssignTask());
      case REMOVE_TASKS -> {
        for (String id : op.getRemoveTasks().getTaskIds()) {
          tasks = tasks.remove(id);
        }
      }
      case SAVE_JOB_CONFIGURATION -> {
        JobConfiguration job = SharedConfigs.job(op.getSaveJobConfiguration().getJobConfig(),
            this::canonical);
        jobs = jobs.plus(job.getKey(), job);
      }
      case REMOVE_JOB -> jobs = jobs.minus(op.getRemoveJob().getJobKey());
      case SAVE_CRON_JOB -> {
        JobConfiguration job = SharedConfigs.job(op.getSaveCronJob().getJobConfig(),
            this::canonical);
        cronJobs = cronJobs.plus(job.getKey(), job);
      }
      case REMOVE_CRON_JOB -> cronJobs = cronJobs.minus(op.getRemoveCronJob().getJobKey());
      case SAVE_QUOTA ->
          quotas = quotas.plus(op.getSaveQuota().getRole(), op.getSaveQuota().getQuota());
      case REMOVE_QUOTA -> quotas = quotas.minus(op.getRemoveQuota().getRole());
      case SAVE_HOST_ATTRIBUTES -> {
        HostAttributes attributes = op.getSaveHostAttributes().getHostAttributes();
        hosts = hosts.plus(attributes.getHost(), attributes);
      }
      case SAVE_HOST_MAINTENANCE_REQUEST -> {
        HostMaintenanceRequest request =
            op.getSaveHostMaintenanceRequest().getHostMaintenanceRequest();
        maintenance = maintenance.plus(request.getHost(), request);
      }
      case REMOVE_HOST_MAINTENANCE_REQUEST ->
          maintenance = maintenance.minus(op.getRemoveHostMaintenanceRequest().getHost());
      case SAVE_FRAMEWORK_ID -> frameworkId = Optional.of(op.getSaveFrameworkId().getId());
      case SAVE_JOB_UPDATE -> {
        JobUpdate update = SharedConfigs.update(op.getSaveJobUpdate().getJobUpdate(),
            this::canonical);
        JobUpdateKey key = update.getSummary().getKey();
        UpdateRecord old = updates.get(key);
        updates = updates.plus(key,
            old == null ? new UpdateRecord(update, List.of(), List.of()) : old.withUpdate(update));
      }
      case SAVE_JOB_UPDATE_EVENT -> {
        JobUpdateKey key = op.getSaveJobUpdateEvent().getKey();
        updates = updates.plus(key, existingUpdate(key).plusEvent(
            op.getSaveJobUpdateEvent().getEvent()));
      }
      case SAVE_JOB_INSTANCE_UPDATE_EVENT -> {
        JobUpdateKey key = op.getSaveJobInstanceUpdateEvent().getKey();
        updates = updates.plus(key, existingUpdate(key).plusInstanceEvent(
            op.getSaveJobInstanceUpdateEvent().getEvent()));
      }
      case REMOVE_JOB_UPDATES -> {
        for (JobUpdateKey key : op.getRemoveJobUpdates().getKeys()) {
          updates = updates.minus(key);
        }
      }
      default -> throw new IllegalStateException("unknown op " + op.getSetField());
    }
  }

  /**
   * The stored instance equal to {@code config}: the tasks' config, else one a job configuration,
   * cron job or job update of the same job holds; {@code config} itself if none is equal.
   */
  private TaskConfig canonical(TaskConfig config) {
    TaskTable.ConfigRecord stored =
        tasks.configs.isEmpty() ? null : tasks.configs.get(TaskConfigIds.of(config));
    return stored != null ? stored.config() : sharedWithJobs(config);
  }

  /**
   * The instance equal to {@code config} that a job configuration, cron job or job update of the
   * same job holds (saved before the tasks), or {@code config}.
   */
  private TaskConfig sharedWithJobs(TaskConfig config) {
    JobKey key = config.getJob();
    if (key == null) {
      return config;
    }
    for (PersistentMap<JobKey, JobConfiguration> store : List.of(jobs, cronJobs)) {
      JobConfiguration job = store.get(key);
      if (job != null && config.equals(job.getTaskConfig())) {
        return job.getTaskConfig();
      }
    }
    TaskConfig[] found = new TaskConfig[1];
    updates.forEach((updateKey, record) -> {
      if (found[0] == null && SharedConfigs.isOf(record.update(), key)) {
        found[0] = SharedConfigs.findIn(record.update(), config);
      }
    });
    return found[0] != null ? found[0] : config;
  }

  private UpdateRecord existingUpdate(JobUpdateKey key) {
    UpdateRecord record = updates.get(key);
    checkState(record != null, "unknown job update %s", key);
    return record;
  }

  /**
   * Saves {@code configs} and then {@code tasks}, as their ops would, into a draft that holds no
   * task config yet: all at once when it can (a recovered snapshot's tasks, see
   * {@link TaskTable#load}), else one by one.
   */
  void loadTasks(List<StoredTaskConfig> configs, List<StoredTask> stored) {
    if (tasks.configs.isEmpty()) {
      Map<String, TaskConfig> byId = new LinkedHashMap<>();
      for (StoredTaskConfig config : configs) {
        byId.computeIfAbsent(config.getConfigId(), id -> sharedWithJobs(config.getConfig()));
      }
      Optional<TaskTable> loaded = TaskTable.load(byId, stored);
      if (loaded.isPresent()) {
        tasks = loaded.get();
        return;
      }
    }
    for (StoredTaskConfig config : configs) {
      apply(Op.saveTaskConfig(new SaveTaskConfig(config.getConfigId(), config.getConfig())));
    }
    apply(Op.saveTasks(new SaveTasks(stored)));
  }

  TaskTable tasks() {
    return tasks;
  }
}
