package io.aurora.scheduling.update;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks of some instances of the job being updated, active and ended, read by the caller
 * (in one query for all of them) when a round asks.
 */
@FunctionalInterface
public interface InstanceTaskSource {
  /** The tasks of {@code instances}, by instance; an instance without tasks may be absent. */
  Map<Integer, List<InstanceTask>> tasks(Set<Integer> instances);
}
