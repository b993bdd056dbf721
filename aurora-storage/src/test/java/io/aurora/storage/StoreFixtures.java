package io.aurora.storage;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.HostAttributes;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Resource;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builders of realistic structs for store tests. */
public final class StoreFixtures {
  private StoreFixtures() {}

  public static JobKey job(String name) {
    return new JobKey("www-data", "prod", name);
  }

  public static TaskConfig config(JobKey job, String executorData) {
    TaskConfig config = new TaskConfig();
    config.setJob(job);
    config.setOwner(new Identity("www-data"));
    config.setIsService(true);
    config.setPriority(0);
    config.setMaxTaskFailures(1);
    config.setResources(new HashSet<>(Set.of(Resource.numCpus(1.0), Resource.ramMb(128),
        Resource.diskMb(256))));
    config.setConstraints(new HashSet<>());
    config.setExecutorConfig(new ExecutorConfig("AuroraExecutor", executorData));
    return config;
  }

  public static ScheduledTask task(String id, TaskConfig config, int instance,
      ScheduleStatus status) {
    AssignedTask assigned = new AssignedTask();
    assigned.setTaskId(id);
    assigned.setTask(config.deepCopy());
    assigned.setInstanceId(instance);
    ScheduledTask task = new ScheduledTask();
    task.setAssignedTask(assigned);
    task.setStatus(status);
    task.setTaskEvents(new ArrayList<>(List.of(new TaskEvent(1000L, status))));
    return task;
  }

  /** {@code count} PENDING instances of {@code job}, with ids {@code <name>-<instance>}. */
  public static List<ScheduledTask> instances(JobKey job, int count, String executorData) {
    TaskConfig config = config(job, executorData);
    List<ScheduledTask> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tasks.add(task(job.getName() + "-" + i, config, i, ScheduleStatus.PENDING));
    }
    return tasks;
  }

  public static JobConfiguration jobConfig(JobKey job, int instances) {
    JobConfiguration config = new JobConfiguration();
    config.setKey(job);
    config.setOwner(new Identity("www-data"));
    config.setTaskConfig(config(job, "{}"));
    config.setInstanceCount(instances);
    return config;
  }

  public static HostAttributes host(String host) {
    HostAttributes attributes = new HostAttributes();
    attributes.setHost(host);
    attributes.setSlaveId(host + "-id");
    attributes.setAttributes(new HashSet<>());
    return attributes;
  }

  public static JobUpdate update(JobKey job, String id, String user) {
    JobUpdateSummary summary = new JobUpdateSummary();
    summary.setKey(new JobUpdateKey(job, id));
    summary.setUser(user);
    JobUpdateInstructions instructions = new JobUpdateInstructions();
    instructions.setInitialState(new HashSet<>());
    instructions.setSettings(new JobUpdateSettings());
    return new JobUpdate(summary, instructions);
  }
}
