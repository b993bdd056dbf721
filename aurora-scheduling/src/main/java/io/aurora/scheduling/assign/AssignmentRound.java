package io.aurora.scheduling.assign;

import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.Veto;
import java.util.List;
import java.util.Map;

/**
 * The result of one placement round.
 *
 * @param assignments the tasks placed, grouped by offer in the order they were decided
 * @param nearestVetoes per group (config) that still has unplaced tasks, the weakest veto seen:
 *     the reason {@code getPendingReason} reports
 * @param remaining the offers with what is left of them, in input order
 */
public record AssignmentRound(
    List<Assignment> assignments, Map<TaskConfig, Veto> nearestVetoes, List<HostOffer> remaining) {
  public AssignmentRound {
    assignments = List.copyOf(assignments);
    nearestVetoes = Map.copyOf(nearestVetoes);
    remaining = List.copyOf(remaining);
  }
}
