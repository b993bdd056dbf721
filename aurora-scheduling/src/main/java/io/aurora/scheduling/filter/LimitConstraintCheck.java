package io.aurora.scheduling.filter;

import io.aurora.gen.Constraint;
import java.util.Optional;

/**
 * Limit constraints: at most {@code limit} active tasks of the job per value of the attribute.
 * Dynamic, because each placement in a round raises the counts.
 */
public final class LimitConstraintCheck implements FeasibilityCheck {
  @Override
  public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
    JobAttributeCounts counts = null;
    for (Constraint c : task.constraints()) {
      if (!c.getConstraint().isSetLimit()) {
        continue;
      }
      if (counts == null) {
        counts = context.counts(task.job());
      }
      int limit = c.getConstraint().getLimit().getLimit();
      for (String value : host.values(c.getName())) {
        if (counts.count(c.getName(), value) >= limit) {
          return Optional.of(Veto.limitNotSatisfied(c.getName()));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean isStatic() {
    return false;
  }
}
