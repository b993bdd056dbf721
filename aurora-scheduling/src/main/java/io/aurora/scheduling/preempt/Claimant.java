package io.aurora.scheduling.preempt;

import io.aurora.scheduling.filter.TaskRequest;
import java.util.Objects;

/**
 * A pending task group looking for room by preemption.
 *
 * @param request what one of its tasks asks of a host
 * @param role the role of its job
 * @param priority its config's priority
 * @param preemptible whether its tier is preemptible
 */
public record Claimant(TaskRequest request, String role, int priority, boolean preemptible) {
  public Claimant {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(role, "role");
  }
}
