package io.aurora.scheduling.thrift;

import static io.aurora.scheduling.thrift.InvalidRequestException.check;

import io.aurora.api.JobKeys;
import io.aurora.gen.Constraint;
import io.aurora.gen.Container;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.MesosContainer;
import io.aurora.gen.Metadata;
import io.aurora.gen.Resource;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.ValueConstraint;
import io.aurora.scheduling.filter.FilterChain;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Checks job configurations as Aurora does and fills in derived fields. Every failure is an
 * {@link InvalidRequestException} whose message names the offending field. Pure.
 */
public final class ConfigValidator {
  private final ApiOptions options;

  public ConfigValidator(ApiOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Validates a job key: each component an identifier, the environment allowed. */
  public JobKey validateKey(JobKey key) {
    check(key != null, "job key is required");
    checkIdentifier("role", key.getRole());
    checkIdentifier("environment", key.getEnvironment());
    checkIdentifier("name", key.getName());
    check(options.allowedJobEnvironments().matcher(key.getEnvironment()).matches(),
        "Job environment " + key.getEnvironment() + " doesn't match: "
            + options.allowedJobEnvironments().pattern());
    return key;
  }

  /**
   * Validates {@code job} and returns a copy whose task config is complete: job key and owner
   * copied in, tier defaulted, {@code production} derived from the tier. A service may not have
   * a cron schedule (Aurora's rule); the schedule itself is checked by the cron calls.
   */
  public JobConfiguration validate(JobConfiguration job) {
    check(job != null, "job configuration is required");
    JobKey key = validateKey(job.getKey());
    check(job.getInstanceCount() > 0, "instanceCount must be positive, got " + job.getInstanceCount());
    check(job.getInstanceCount() <= options.maxTasksPerJob(), "instanceCount "
        + job.getInstanceCount() + " exceeds the limit of " + options.maxTasksPerJob() + " tasks per job");
    check(job.isSetTaskConfig(), "taskConfig is required");
    JobConfiguration copy = job.deepCopy();
    copy.setTaskConfig(validateTask(key, copy.getTaskConfig(), copy.getOwner()));
    check(!CronApi.isCron(copy) || !copy.getTaskConfig().isIsService(),
        "A service task may not be run on a cron schedule: " + JobKeys.canonicalString(key));
    return copy;
  }

  /** Validates a task config of job {@code key}; returns the completed copy. */
  public TaskConfig validateTask(JobKey key, TaskConfig given, Identity owner) {
    TaskConfig task = given.deepCopy();
    if (task.isSetJob() && !task.getJob().equals(key)) {
      JobKey other = task.getJob();
      throw new InvalidRequestException("taskConfig.job " + other.getRole() + "/"
          + other.getEnvironment() + "/" + other.getName() + " differs from the job key "
          + JobKeys.canonicalString(key));
    }
    task.setJob(key);
    if (!task.isSetOwner() && owner != null) {
      task.setOwner(owner);
    }
    check(task.getMaxTaskFailures() >= -1,
        "maxTaskFailures must be -1 or non-negative, got " + task.getMaxTaskFailures());
    checkResources(task);
    check(task.isSetExecutorConfig() && task.getExecutorConfig().isSetName()
            && !task.getExecutorConfig().getName().isEmpty(),
        "executorConfig is required");
    String tierName = task.isSetTier() ? task.getTier() : options.tiers().defaultTier();
    TierSettings.Tier tier = options.tiers().tier(tierName);
    check(tier != null, "tier '" + tierName + "' is not one of " + options.tiers().tiers().keySet());
    task.setTier(tierName);
    task.setProduction(!tier.preemptible() && !tier.revocable());
    if (!task.isSetContainer()) {
      task.setContainer(Container.mesos(new MesosContainer()));
    }
    checkUnions(task);
    if (!task.isSetConstraints()) {
      task.setConstraints(new HashSet<>());
    }
    for (Constraint c : task.getConstraints()) {
      check(c.isSetName() && !c.getName().isEmpty(), "constraints: a constraint has no name");
      check(c.isSetConstraint() && c.getConstraint().isSet(),
          "constraints: " + c.getName() + " has no value or limit");
      if (c.getConstraint().isSetValue()) {
        check(c.getConstraint().getValue().isSetValues()
                && !c.getConstraint().getValue().getValues().isEmpty(),
            "constraints: value constraint " + c.getName() + " has no values");
      }
      if (c.getConstraint().isSetLimit()) {
        check(c.getConstraint().getLimit().getLimit() > 0,
            "constraints: limit of " + c.getName() + " must be positive");
      }
      if (FilterChain.DEDICATED_ATTRIBUTE.equals(c.getName())) {
        checkDedicated(key, c);
      }
    }
    checkSlaDuration(task);
    return task;
  }

  /** A count or percentage SLA policy may not ask for more up-time than -max_sla_duration_secs. */
  private void checkSlaDuration(TaskConfig task) {
    if (!task.isSetSlaPolicy()) {
      return;
    }
    SlaPolicy policy = task.getSlaPolicy();
    long durationSecs = policy.isSetCountSlaPolicy()
        ? policy.getCountSlaPolicy().getDurationSecs()
        : policy.isSetPercentageSlaPolicy() ? policy.getPercentageSlaPolicy().getDurationSecs() : 0;
    long max = options.maxSlaDuration().toSeconds();
    check(durationSecs >= 0, "slaPolicy: durationSecs must not be negative, got " + durationSecs);
    check(durationSecs <= max, "slaPolicy: durationSecs " + durationSecs
        + " exceeds the maximum of " + max + " (-max_sla_duration_secs)");
  }

  /**
   * Unions that are set must hold a value (an empty one cannot be encoded, so it could neither be
   * stored nor sent to an executor); metadata needs a key and a value (they become Mesos labels).
   */
  private static void checkUnions(TaskConfig task) {
    check(task.getContainer().isSet(), "container: neither mesos nor docker is set");
    if (task.getContainer().isSetMesos() && task.getContainer().getMesos().isSetImage()) {
      check(task.getContainer().getMesos().getImage().isSet(),
          "container.mesos.image: neither docker nor appc is set");
    }
    check(!task.isSetSlaPolicy() || task.getSlaPolicy().isSet(),
        "slaPolicy: no percentage, count or coordinator policy is set");
    if (task.isSetMetadata()) {
      for (Metadata m : task.getMetadata()) {
        check(m.isSetKey() && m.isSetValue(), "metadata: an entry lacks its key or value");
      }
    }
  }

  private static void checkDedicated(JobKey key, Constraint c) {
    check(c.getConstraint().isSetValue(), "constraints: dedicated must be a value constraint");
    ValueConstraint value = c.getConstraint().getValue();
    check(!value.isNegated(), "constraints: dedicated may not be negated");
    check(value.getValues() != null && value.getValues().size() == 1,
        "constraints: dedicated must have exactly one value");
    String v = value.getValues().iterator().next();
    int slash = v.indexOf('/');
    check(slash > 0 && slash < v.length() - 1,
        "constraints: dedicated value must be of the form <role>/<name>, was " + v);
    String role = v.substring(0, slash);
    check(role.equals("*") || role.equals(key.getRole()),
        "constraints: role " + key.getRole() + " may not use dedicated hosts of " + v);
  }

  private static void checkResources(TaskConfig task) {
    check(task.isSetResources() && !task.getResources().isEmpty(), "resources are required");
    int cpus = 0;
    int ram = 0;
    int disk = 0;
    Set<String> ports = new HashSet<>();
    for (Resource r : task.getResources()) {
      check(r.isSet(), "resources: an empty resource");
      if (r.isSetNumCpus()) {
        cpus++;
        check(r.getNumCpus() > 0 && Double.isFinite(r.getNumCpus()),
            "resources: numCpus must be positive and finite, got " + r.getNumCpus());
      } else if (r.isSetRamMb()) {
        ram++;
        check(r.getRamMb() > 0, "resources: ramMb must be positive, got " + r.getRamMb());
      } else if (r.isSetDiskMb()) {
        disk++;
        check(r.getDiskMb() > 0, "resources: diskMb must be positive, got " + r.getDiskMb());
      } else if (r.isSetNumGpus()) {
        check(r.getNumGpus() >= 0, "resources: numGpus must not be negative");
      } else if (r.isSetNamedPort()) {
        check(!r.getNamedPort().isEmpty(), "resources: a namedPort is empty");
        check(ports.add(r.getNamedPort()), "resources: duplicate namedPort " + r.getNamedPort());
      }
    }
    check(cpus == 1, "resources: exactly one numCpus is required");
    check(ram == 1, "resources: exactly one ramMb is required");
    check(disk == 1, "resources: exactly one diskMb is required");
  }

  private static void checkIdentifier(String field, String value) {
    check(value != null && JobKeys.isGoodIdentifier(value),
        "job key " + field + " '" + value + "' must match " + JobKeys.GOOD_IDENTIFIER.pattern());
  }
}
