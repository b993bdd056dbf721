package io.aurora.scheduling.filter;

import java.util.Optional;

/** A host with a {@code dedicated} attribute only takes tasks that ask for a dedicated host. */
public final class DedicatedHostCheck implements FeasibilityCheck {
  @Override
  public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
    if (host.attributes().containsKey(FilterChain.DEDICATED_ATTRIBUTE) && !task.wantsDedicated()) {
      return Optional.of(Veto.dedicatedHost());
    }
    return Optional.empty();
  }

  @Override
  public boolean isStatic() {
    return true;
  }
}
