package io.aurora.scheduling.filter;

import io.aurora.gen.Constraint;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.scheduling.resources.Revocability;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one task of a group asks of a host. All tasks with an equal {@link TaskConfig} share one
 * request, which is what makes static vetoes cacheable per group.
 *
 * @param job the task's job
 * @param config the task config; the group key; must not be mutated
 * @param need resources including executor overhead (ports = number of named ports)
 * @param portNames the named ports, sorted
 * @param constraints the config's constraints
 * @param revocableNeed the part of {@code need} that must come from revocable offer resources
 *     (empty unless the task's tier is revocable; see {@link Revocability})
 */
public record TaskRequest(
    JobKey job, TaskConfig config, ResourceBag need, List<String> portNames,
    List<Constraint> constraints, ResourceBag revocableNeed) {

  public TaskRequest {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(need, "need");
    portNames = List.copyOf(portNames);
    constraints = List.copyOf(constraints);
    // One EMPTY instance, so that the hot checks can tell a non-revocable request by identity.
    revocableNeed = Objects.requireNonNull(revocableNeed, "revocableNeed").equals(ResourceBag.EMPTY)
        ? ResourceBag.EMPTY : revocableNeed;
  }

  /** A request that uses no revocable resources. */
  public TaskRequest(JobKey job, TaskConfig config, ResourceBag need, List<String> portNames,
      List<Constraint> constraints) {
    this(job, config, need, portNames, constraints, ResourceBag.EMPTY);
  }

  /** The request of {@code config}, adding {@code executor}'s overhead; Aurora's default tiers. */
  public static TaskRequest of(TaskConfig config, ExecutorSettings executor) {
    return of(config, executor, Revocability.DEFAULTS);
  }

  /**
   * The request of {@code config}, adding {@code executor}'s overhead, with the revocable part
   * that {@code revocability} gives a task of its tier.
   */
  public static TaskRequest of(TaskConfig config, ExecutorSettings executor,
      Revocability revocability) {
    List<Resource> resources = config.isSetResources() ? List.copyOf(config.getResources()) : List.of();
    List<String> ports = new ArrayList<>();
    for (Resource r : resources) {
      if (r.isSetNamedPort()) {
        ports.add(r.getNamedPort());
      }
    }
    ports.sort(null);
    ResourceBag need = ResourceBag.of(resources).plus(executor.overhead());
    List<Constraint> constraints =
        config.isSetConstraints() ? List.copyOf(config.getConstraints()) : List.of();
    return new TaskRequest(config.getJob(), config, need, ports, constraints,
        revocability.revocablePart(config, need));
  }

  /** The part of {@link #need} that comes from non-revocable offer resources. */
  public ResourceBag nonRevocableNeed() {
    return revocableNeed == ResourceBag.EMPTY ? need : need.minus(revocableNeed);
  }

  /** Whether the task asks for a dedicated host (has a constraint named {@code dedicated}). */
  public boolean wantsDedicated() {
    for (Constraint c : constraints) {
      if (FilterChain.DEDICATED_ATTRIBUTE.equals(c.getName())) {
        return true;
      }
    }
    return false;
  }
}
