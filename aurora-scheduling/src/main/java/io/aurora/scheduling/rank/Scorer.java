package io.aurora.scheduling.rank;

import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.TaskRequest;

/**
 * Ranks a feasible offer for a task group; offers with higher scores are filled first. The
 * assigner scores each offer once per group and round, before placing the group's tasks, so the
 * score should describe the offer as it is at the start of the group's turn.
 */
@FunctionalInterface
public interface Scorer {

  /** Keeps the offers' order (Aurora's default, whose offer order is random). */
  Scorer OFFER_ORDER = (task, offer) -> 0;

  /** Prefers offers with the least free CPU that still fit: packs agents tightly. */
  Scorer BIN_PACK = (task, offer) -> -offer.free().cpus();

  /** Prefers offers with the most free CPU: spreads load. */
  Scorer SPREAD = (task, offer) -> offer.free().cpus();

  /** The score of {@code offer} for tasks like {@code task}; higher is better. */
  double score(TaskRequest task, HostOffer offer);
}
