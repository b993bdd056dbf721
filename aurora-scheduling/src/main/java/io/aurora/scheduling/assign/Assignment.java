package io.aurora.scheduling.assign;

import io.aurora.scheduling.filter.TaskRequest;
import java.util.Map;
import java.util.Objects;

/**
 * A decision to launch a task from an offer.
 *
 * @param taskId the task
 * @param request what it needs (its config)
 * @param offerId the offer it is launched from
 * @param agentId the offer's agent
 * @param hostname the agent's host
 * @param ports named port to the port number chosen from the offer's ranges
 */
public record Assignment(
    String taskId, TaskRequest request, String offerId, String agentId, String hostname,
    Map<String, Integer> ports) {
  public Assignment {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(hostname, "hostname");
    ports = Map.copyOf(ports);
  }
}
