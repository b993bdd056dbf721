package io.aurora.scheduling.filter;

import io.aurora.gen.Constraint;
import io.aurora.gen.ValueConstraint;
import java.util.Optional;
import java.util.Set;

/**
 * Value constraints: the host must (or, negated, must not) have one of the listed values of the
 * attribute. A limit constraint on an attribute the host lacks also fails here, since no count
 * can be kept for it.
 */
public final class ValueConstraintCheck implements FeasibilityCheck {
  @Override
  public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
    for (Constraint c : task.constraints()) {
      Set<String> hostValues = host.values(c.getName());
      if (c.getConstraint().isSetValue()) {
        ValueConstraint value = c.getConstraint().getValue();
        boolean anyMatch = false;
        for (String v : value.getValues()) {
          anyMatch |= hostValues.contains(v);
        }
        if (value.isNegated() == anyMatch) {
          return Optional.of(Veto.constraintMismatch(c.getName()));
        }
      } else if (c.getConstraint().isSetLimit() && hostValues.isEmpty()) {
        return Optional.of(Veto.constraintMismatch(c.getName()));
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean isStatic() {
    return true;
  }
}
