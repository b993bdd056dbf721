package io.aurora.scheduling.resources;

import io.aurora.gen.TaskConfig;
import java.util.Objects;
import java.util.Set;

/**
 * Which tasks run on revocable offer resources, and which of their resources those are. A task
 * is revocable when its tier is one of {@code revocableTiers} (the {@code -tier_config} tiers
 * marked {@code revocable}); such a task takes its CPUs (with {@code -enable_revocable_cpus}) and
 * its RAM (with {@code -enable_revocable_ram}) only from revocable offer resources, and everything
 * else from non-revocable ones, as Aurora does. Every other task uses only non-revocable resources.
 *
 * @param cpus whether a revocable task's CPUs are revocable ({@code -enable_revocable_cpus})
 * @param ram whether a revocable task's RAM is revocable ({@code -enable_revocable_ram})
 * @param revocableTiers the names of the revocable tiers
 */
public record Revocability(boolean cpus, boolean ram, Set<String> revocableTiers) {

  /** Aurora's defaults: revocable CPUs, non-revocable RAM, the built-in tier {@code revocable}. */
  public static final Revocability DEFAULTS = new Revocability(true, false, Set.of("revocable"));

  public Revocability {
    revocableTiers = Set.copyOf(Objects.requireNonNull(revocableTiers, "revocableTiers"));
  }

  /** Whether tasks of {@code config} are revocable (its tier is a revocable one). */
  public boolean isRevocable(TaskConfig config) {
    return config.isSetTier() && revocableTiers.contains(config.getTier());
  }

  /**
   * The part of {@code need} (a task of {@code config}, executor overhead included) that must come
   * from revocable offer resources; {@link ResourceBag#EMPTY} for a non-revocable task.
   */
  public ResourceBag revocablePart(TaskConfig config, ResourceBag need) {
    if (!isRevocable(config)) {
      return ResourceBag.EMPTY;
    }
    return new ResourceBag(cpus ? need.cpus() : 0, ram ? need.ramMb() : 0, 0, 0, 0);
  }
}
