package io.aurora.scheduling.filter;

import java.util.Optional;

/**
 * The task (with executor overhead) must fit in what is still free on the offer. Dynamic, since
 * each placement in a round consumes part of the offer.
 */
public final class ResourceCheck implements FeasibilityCheck {
  @Override
  public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
    String shortage = host.free().firstShortage(task.need());
    return shortage == null ? Optional.empty() : Optional.of(Veto.insufficient(shortage));
  }

  @Override
  public boolean isStatic() {
    return false;
  }
}
