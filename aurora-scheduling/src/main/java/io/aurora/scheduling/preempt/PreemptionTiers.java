package io.aurora.scheduling.preempt;

import io.aurora.gen.TaskConfig;
import java.util.Objects;
import java.util.Set;

/**
 * What preemption needs of the task tiers ({@code -tier_config}): which tiers are preemptible
 * and which run on revocable resources. A task without a tier has {@code defaultTier}.
 *
 * @param defaultTier the tier of a task that names none
 * @param preemptible the names of the preemptible tiers
 * @param revocable the names of the revocable tiers
 */
public record PreemptionTiers(String defaultTier, Set<String> preemptible, Set<String> revocable) {

  /** Aurora's built-in tiers: preferred (neither), preemptible, revocable (both). */
  public static final PreemptionTiers DEFAULTS = new PreemptionTiers("preemptible",
      Set.of("preemptible", "revocable"), Set.of("revocable"));

  public PreemptionTiers {
    Objects.requireNonNull(defaultTier, "defaultTier");
    preemptible = Set.copyOf(preemptible);
    revocable = Set.copyOf(revocable);
  }

  /** Whether tasks of {@code config} may be preempted for production work. */
  public boolean isPreemptible(TaskConfig config) {
    return preemptible.contains(tierOf(config));
  }

  /** Whether tasks of {@code config} run on revocable resources. */
  public boolean isRevocable(TaskConfig config) {
    return revocable.contains(tierOf(config));
  }

  private String tierOf(TaskConfig config) {
    return config.isSetTier() ? config.getTier() : defaultTier;
  }
}
