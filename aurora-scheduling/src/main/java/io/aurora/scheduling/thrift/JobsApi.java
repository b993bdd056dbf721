package io.aurora.scheduling.thrift;

import static io.aurora.scheduling.thrift.InvalidRequestException.check;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.InstanceKey;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.PopulateJobResult;
import io.aurora.gen.Response;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.quota.JobFootprint;
import io.aurora.scheduling.quota.QuotaCheck;
import io.aurora.scheduling.write.StateManager;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.StoreProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Job lifecycle calls: createJob, killTasks, restartShards, addInstances, populateJobConfig (cron
 * templates are {@link CronApi}'s: createJob refuses a schedule, addInstances a cron job). Each
 * mutation is one write through the {@link StateWriter}; kills go to Mesos after it is durable.
 * Concurrent calls share log appends through the storage's group commit. A mutation of a job
 * with an active update is refused ({@link JobUpdatingException}): the update owns its tasks.
 */
public final class JobsApi {
  /** The user named in kill messages while the API has no authentication (as Aurora). */
  public static final String UNAUTHENTICATED_USER = "UNSECURE";

  private final StateWriter writer;
  private final StateManager stateManager;
  private final ConfigValidator validator;
  private final ApiOptions options;

  public JobsApi(StateWriter writer, ApiOptions options) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.stateManager = writer.stateManager();
    this.options = Objects.requireNonNull(options, "options");
    this.validator = new ConfigValidator(options);
  }

  public Response populateJobConfig(JobConfiguration description) {
    JobConfiguration job = validator.validate(description);
    return Responses.ok(Result.populateJobResult(new PopulateJobResult(job.getTaskConfig())));
  }

  public Response createJob(JobConfiguration description) {
    JobConfiguration job = validator.validate(description);
    check(!CronApi.isCron(job), CronApi.NO_CRON);
    JobKey key = job.getKey();
    Set<Integer> instances = IntStream.range(0, job.getInstanceCount()).boxed()
        .collect(Collectors.toSet());
    TaskConfig config = job.getTaskConfig();
    writer.write((stores, changes) -> {
      JobUpdatingException.checkNotUpdating(stores, key);
      boolean exists = stores.taskStore().countTasks(
          TaskQueries.byJob(key).statuses(Tasks.ACTIVE_STATES).build()) > 0
          || stores.cronJobStore().fetchJob(key).isPresent();
      check(!exists, "Job already exists: " + JobKeys.canonicalString(key));
      checkQuota(stores, key, JobFootprint.NONE.withMoreTasks(withConfig(instances, config)));
      return stateManager.insertPendingTasks(stores, config, instances, changes);
    });
    return Responses.ok();
  }

  public Response killTasks(JobKey job, Set<Integer> instances, String message) {
    return killTasks(job, instances, message, UNAUTHENTICATED_USER);
  }

  /** Kills as {@code user}, who is named in the tasks' KILLING events. */
  public Response killTasks(JobKey job, Set<Integer> instances, String message, String user) {
    validator.validateKey(job);
    RequestChecks.checkInstanceIds("instances", instances);
    String reason = "Killed by " + user
        + (message == null || message.isBlank() ? "" : ".\nUser-specified reason: " + message);
    int killed = writer.write((stores, changes) -> {
      JobUpdatingException.checkNotUpdating(stores, job);
      TaskQueries.Builder query = TaskQueries.byJob(job).statuses(Tasks.ACTIVE_STATES);
      if (instances != null && !instances.isEmpty()) {
        query.instances(instances.stream().mapToInt(Integer::intValue).toArray());
      }
      Set<String> ids = stores.taskStore().taskIds(query.build());
      for (String id : ids) {
        stateManager.changeState(stores, id, ScheduleStatus.KILLING, Optional.of(reason), changes);
      }
      return ids.size();
    });
    return killed == 0 ? Responses.ok("No tasks to kill.") : Responses.ok();
  }

  public Response restartShards(JobKey job, Set<Integer> shardIds) {
    return restartShards(job, shardIds, UNAUTHENTICATED_USER);
  }

  /** Restarts as {@code user}, who is named in the tasks' RESTARTING events. */
  public Response restartShards(JobKey job, Set<Integer> shardIds, String user) {
    validator.validateKey(job);
    RequestChecks.checkInstanceIds("shardIds", shardIds);
    check(shardIds != null && !shardIds.isEmpty(), "shardIds must not be empty");
    writer.write((stores, changes) -> {
      JobUpdatingException.checkNotUpdating(stores, job);
      List<ScheduledTask> tasks = stores.taskStore().fetchTasks(TaskQueries.byJob(job)
          .instances(shardIds.stream().mapToInt(Integer::intValue).toArray())
          .statuses(Tasks.ACTIVE_STATES).build());
      Set<Integer> found = new TreeSet<>();
      tasks.forEach(t -> found.add(t.getAssignedTask().getInstanceId()));
      check(found.equals(new TreeSet<>(shardIds)), "shardIds: not all requested shards are active "
          + "(active: " + found + ")");
      for (ScheduledTask t : tasks) {
        stateManager.changeState(stores, t.getAssignedTask().getTaskId(), ScheduleStatus.RESTARTING,
            Optional.of("Restarted by " + user), changes);
      }
      return null;
    });
    return Responses.ok();
  }

  public Response addInstances(InstanceKey key, int count) {
    check(key != null, "key is required");
    JobKey job = validator.validateKey(key.getJobKey());
    check(count > 0, "count must be positive, got " + count);
    writer.write((stores, changes) -> {
      check(stores.cronJobStore().fetchJob(job).isEmpty(),
          "Instances may not be added to cron jobs.");
      JobUpdatingException.checkNotUpdating(stores, job);
      List<ScheduledTask> active = stores.taskStore().fetchTasks(
          TaskQueries.byJob(job).statuses(Tasks.ACTIVE_STATES).build());
      check(!active.isEmpty(), "Job " + JobKeys.canonicalString(job) + " does not exist");
      TaskConfig template = active.stream()
          .filter(t -> t.getAssignedTask().getInstanceId() == key.getInstanceId())
          .findFirst()
          .orElseThrow(() -> new InvalidRequestException(
              "key.instanceId " + key.getInstanceId() + " is not an active instance"))
          .getAssignedTask().getTask();
      int max = active.stream().mapToInt(t -> t.getAssignedTask().getInstanceId()).max().orElse(-1);
      // Written so that a huge count cannot overflow past the check.
      check(count <= options.maxTasksPerJob() - active.size(), "count " + count + " would exceed "
          + "the limit of " + options.maxTasksPerJob() + " tasks per job");
      Set<Integer> instances =
          IntStream.rangeClosed(max + 1, max + count).boxed().collect(Collectors.toSet());
      checkQuota(stores, job,
          QuotaCheck.current(stores, job).withMoreTasks(withConfig(instances, template)));
      return stateManager.insertPendingTasks(stores, template, instances, changes);
    });
    return Responses.ok();
  }

  /** Refuses (INVALID_REQUEST) a change that would take the role past its production quota. */
  static void checkQuota(StoreProvider stores, JobKey job, JobFootprint proposed) {
    QuotaCheck.refusal(stores, job, proposed).ifPresent(m -> {
      throw new InvalidRequestException(m);
    });
  }

  private static Map<Integer, TaskConfig> withConfig(Set<Integer> instances, TaskConfig config) {
    Map<Integer, TaskConfig> tasks = new HashMap<>();
    instances.forEach(i -> tasks.put(i, config));
    return tasks;
  }
}
