package io.aurora.scheduling.preempt;

import java.util.List;
import java.util.Objects;

/**
 * Room for one pending task on one agent once {@code victims} are preempted.
 *
 * @param agentId the agent
 * @param victims the tasks to preempt, by id
 * @param cost what they hold, by {@link Weights}
 */
public record PreemptionSlot(String agentId, List<String> victims, double cost) {
  public PreemptionSlot {
    Objects.requireNonNull(agentId, "agentId");
    victims = List.copyOf(victims);
  }
}
