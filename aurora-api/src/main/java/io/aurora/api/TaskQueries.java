package io.aurora.api;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@link TaskQuery}s fluently and evaluates them against a task.
 *
 * <pre>{@code
 * TaskQuery q = TaskQueries.byJob(key).instances(0, 1).statuses(Tasks.ACTIVE_STATES).build();
 * }</pre>
 *
 * <p>Semantics, as in Aurora: every term that is set must match (AND); within a term, any listed
 * value matches (OR). An unset or empty set term does not constrain, so an empty instance set means
 * "all instances". {@code offset} and {@code limit} apply to a result list, not to one task, and
 * are ignored by {@link #matches}.
 */
public final class TaskQueries {

  private TaskQueries() {}

  /** A query matching every task. */
  public static Builder all() {
    return new Builder();
  }

  /** Tasks of one job. */
  public static Builder byJob(JobKey job) {
    return new Builder().jobs(Set.of(job));
  }

  /** Tasks of any of these jobs. */
  public static Builder byJobs(Collection<JobKey> jobs) {
    return new Builder().jobs(jobs);
  }

  /** The given instances of one job (all of them when {@code instanceIds} is empty). */
  public static Builder byInstances(JobKey job, int... instanceIds) {
    return byJob(job).instances(instanceIds);
  }

  /** Tasks whose job belongs to {@code role}. */
  public static Builder byRole(String role) {
    return new Builder().role(role);
  }

  /** Tasks with these ids. */
  public static Builder byTaskIds(String... taskIds) {
    return new Builder().taskIds(Arrays.asList(taskIds));
  }

  /** Tasks with these ids. */
  public static Builder byTaskIds(Collection<String> taskIds) {
    return new Builder().taskIds(taskIds);
  }

  /** Tasks in any of these statuses. */
  public static Builder byStatuses(ScheduleStatus first, ScheduleStatus... rest) {
    return new Builder().statuses(EnumSet.of(first, rest));
  }

  /** Tasks placed on any of these agent hosts. */
  public static Builder bySlaveHosts(String... hosts) {
    return new Builder().slaveHosts(Arrays.asList(hosts));
  }

  /** Whether {@code task} satisfies every term of {@code query} (ignoring offset and limit). */
  public static boolean matches(TaskQuery query, ScheduledTask task) {
    AssignedTask assigned = task.getAssignedTask();
    JobKey job = assigned.getTask() == null ? null : assigned.getTask().getJob();
    return matchesString(query.getRole(), job == null ? null : job.getRole())
        && matchesString(query.getEnvironment(), job == null ? null : job.getEnvironment())
        && matchesString(query.getJobName(), job == null ? null : job.getName())
        && matchesSet(query.getJobKeys(), job)
        && matchesSet(query.getTaskIds(), assigned.getTaskId())
        && matchesSet(query.getStatuses(), task.getStatus())
        && matchesSet(query.getInstanceIds(), assigned.getInstanceId())
        && matchesSet(query.getSlaveHosts(), assigned.getSlaveHost());
  }

  private static boolean matchesString(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }

  private static <T> boolean matchesSet(Set<T> wanted, T actual) {
    return wanted == null || wanted.isEmpty() || wanted.contains(actual);
  }

  /**
   * Sets the terms of a query. Each setter replaces the term's earlier value; {@link #build()}
   * returns a fresh {@link TaskQuery} each time, so a builder can be reused as a template.
   */
  public static final class Builder {
    private final TaskQuery query = new TaskQuery();

    private Builder() {}

    /** Restricts to these jobs; every key must be valid. */
    public Builder jobs(Collection<JobKey> jobs) {
      Set<JobKey> keys = new LinkedHashSet<>();
      for (JobKey job : jobs) {
        keys.add(JobKeys.validate(job).deepCopy());
      }
      query.setJobKeys(keys);
      return this;
    }

    /** Restricts to jobs of this role. */
    public Builder role(String role) {
      query.setRole(checkIdentifier("role", role));
      return this;
    }

    /** Restricts to jobs in this environment. */
    public Builder environment(String environment) {
      query.setEnvironment(checkIdentifier("environment", environment));
      return this;
    }

    /** Restricts to jobs with this name. */
    public Builder jobName(String jobName) {
      query.setJobName(checkIdentifier("jobName", jobName));
      return this;
    }

    /** Restricts to these task ids. */
    public Builder taskIds(Collection<String> taskIds) {
      query.setTaskIds(copyNonNull("taskIds", taskIds));
      return this;
    }

    /** Restricts to these statuses. */
    public Builder statuses(Collection<ScheduleStatus> statuses) {
      query.setStatuses(copyNonNull("statuses", statuses));
      return this;
    }

    /** Restricts to these statuses. */
    public Builder statuses(ScheduleStatus first, ScheduleStatus... rest) {
      return statuses(EnumSet.of(first, rest));
    }

    /** Restricts to these instance ids (none: no restriction). */
    public Builder instances(int... instanceIds) {
      Set<Integer> ids = new LinkedHashSet<>();
      for (int id : instanceIds) {
        if (id < 0) {
          throw new IllegalArgumentException("instance id " + id + " must not be negative");
        }
        ids.add(id);
      }
      query.setInstanceIds(ids);
      return this;
    }

    /** Restricts to tasks placed on these agent hosts. */
    public Builder slaveHosts(Collection<String> hosts) {
      query.setSlaveHosts(copyNonNull("slaveHosts", hosts));
      return this;
    }

    /** Skips the first {@code offset} matches of a result list. */
    public Builder offset(int offset) {
      if (offset < 0) {
        throw new IllegalArgumentException("offset " + offset + " must not be negative");
      }
      query.setOffset(offset);
      return this;
    }

    /** Returns at most {@code limit} matches. */
    public Builder limit(int limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("limit " + limit + " must be positive");
      }
      query.setLimit(limit);
      return this;
    }

    /** A new query with the terms set so far. */
    public TaskQuery build() {
      return query.deepCopy();
    }

    private static String checkIdentifier(String field, String value) {
      if (!JobKeys.isGoodIdentifier(value)) {
        throw new IllegalArgumentException(
            field + " '" + value + "' must match " + JobKeys.GOOD_IDENTIFIER.pattern());
      }
      return value;
    }

    private static <T> Set<T> copyNonNull(String field, Collection<T> values) {
      Objects.requireNonNull(values, field);
      Set<T> copy = new HashSet<>();
      for (T value : values) {
        copy.add(Objects.requireNonNull(value, () -> field + " must not contain null"));
      }
      return copy;
    }
  }
}
