package io.aurora.scheduling.sla;

/**
 * Aurora's relaxations of count and percentage policies.
 *
 * @param minRequiredInstances jobs with fewer active instances are not checked: their tasks may
 *     always go down ({@code -min_required_instances_for_sla_check}, 20)
 * @param checkNonProduction whether non-production tasks are checked too; otherwise they may
 *     always go down ({@code -sla_aware_kill_non_prod}, false)
 */
public record SlaRules(int minRequiredInstances, boolean checkNonProduction) {
  /** Aurora's defaults. */
  public static final SlaRules DEFAULTS = new SlaRules(20, false);

  public SlaRules {
    if (minRequiredInstances < 0) {
      throw new IllegalArgumentException(
          "-min_required_instances_for_sla_check must not be negative, got "
              + minRequiredInstances);
    }
  }
}
