package io.aurora.scheduling.quota;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.scheduling.update.InstanceRanges;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one job counts against its role's quota, from its active tasks (by instance), its active
 * update's instructions and its cron template. An update counts the larger of its old and new
 * footprints (an update may run both side by side), in place of the tasks it covers; a cron
 * template counts as its instance count of tasks, or the running tasks if they are more. Only
 * prod-shared configs count.
 */
public record JobFootprint(Map<Integer, TaskConfig> activeTasks,
    Optional<JobUpdateInstructions> update, Optional<JobConfiguration> cron) {

  /** Nothing: a job that does not exist. */
  public static final JobFootprint NONE = new JobFootprint(Map.of(), Optional.empty(),
      Optional.empty());

  public JobFootprint {
    activeTasks = Map.copyOf(new TreeMap<>(Objects.requireNonNull(activeTasks, "activeTasks")));
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(cron, "cron");
  }

  /** This job with {@code more} active tasks (new instances, each with its config). */
  public JobFootprint withMoreTasks(Map<Integer, TaskConfig> more) {
    Map<Integer, TaskConfig> all = new TreeMap<>(activeTasks);
    all.putAll(more);
    return new JobFootprint(all, update, cron);
  }

  /** This job with {@code instructions} as its active update. */
  public JobFootprint withUpdate(JobUpdateInstructions instructions) {
    return new JobFootprint(activeTasks, Optional.of(instructions), cron);
  }

  /** This job with {@code template} as its cron template. */
  public JobFootprint withCron(JobConfiguration template) {
    return new JobFootprint(activeTasks, update, Optional.of(template));
  }

  /** The CPUs, RAM and disk this job counts against quota. */
  public ResourceBag resources() {
    Set<Integer> covered = new HashSet<>();
    ResourceBag updating = ResourceBag.EMPTY;
    if (update.isPresent()) {
      JobUpdateInstructions u = update.get();
      ResourceBag before = ResourceBag.EMPTY;
      if (u.isSetInitialState()) {
        for (InstanceTaskConfig old : u.getInitialState()) {
          before = before.plus(charge(old, covered));
        }
      }
      ResourceBag after = u.isSetDesiredState() ? charge(u.getDesiredState(), covered)
          : ResourceBag.EMPTY;
      updating = QuotaMath.larger(before, after);
    }
    ResourceBag tasks = ResourceBag.EMPTY;
    for (Map.Entry<Integer, TaskConfig> e : activeTasks.entrySet()) {
      if (!covered.contains(e.getKey())) {
        tasks = tasks.plus(QuotaMath.charged(e.getValue(), 1));
      }
    }
    tasks = tasks.plus(updating);
    if (cron.isPresent()) {
      JobConfiguration template = cron.get();
      tasks = QuotaMath.larger(tasks,
          QuotaMath.charged(template.getTaskConfig(), template.getInstanceCount()));
    }
    return tasks;
  }

  private static ResourceBag charge(InstanceTaskConfig group, Set<Integer> covered) {
    Set<Integer> ids = InstanceRanges.ids(group.getInstances());
    covered.addAll(ids);
    return QuotaMath.charged(group.getTask(), ids.size());
  }
}
