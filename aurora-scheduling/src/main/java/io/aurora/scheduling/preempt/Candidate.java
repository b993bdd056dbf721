package io.aurora.scheduling.preempt;

import io.aurora.scheduling.resources.ResourceBag;
import java.util.Objects;

/**
 * A task on an agent that some pending task might preempt.
 *
 * @param taskId the task's id
 * @param role the role of its job
 * @param priority its config's priority
 * @param preemptible whether its tier is preemptible
 * @param revocable whether its tier is revocable (its CPU, being revocable, frees no room for
 *     others)
 * @param resources what it holds on the agent, executor overhead included
 */
public record Candidate(String taskId, String role, int priority, boolean preemptible,
    boolean revocable, ResourceBag resources) {

  public Candidate {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(resources, "resources");
  }

  /** The room preempting this task frees for a non-revocable task: its CPU not if revocable. */
  public ResourceBag freed() {
    return revocable
        ? new ResourceBag(0, resources.ramMb(), resources.diskMb(), resources.gpus(),
            resources.ports())
        : resources;
  }
}
