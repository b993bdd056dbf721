package io.aurora.scheduling.filter;

import io.aurora.scheduling.resources.ResourceBag;
import java.util.Optional;

/**
 * The task (with executor overhead) must fit in what is still free on the offer: its revocable
 * part in the offer's revocable resources, the rest in the non-revocable ones (a revocable CPU
 * never stands in for a non-revocable one, nor the other way round). Dynamic, since each
 * placement in a round consumes part of the offer.
 */
public final class ResourceCheck implements FeasibilityCheck {
  // Shared like Veto's own: a full offer is rejected many times per round.
  private static final Optional<Veto> REVOCABLE_CPUS = Optional.of(Veto.insufficient("revocable cpus"));
  private static final Optional<Veto> REVOCABLE_RAM = Optional.of(Veto.insufficient("revocable ram"));

  @Override
  public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
    String shortage = host.free().firstShortage(task.nonRevocableNeed());
    if (shortage != null) {
      return Optional.of(Veto.insufficient(shortage));
    }
    if (task.revocableNeed() == ResourceBag.EMPTY) {
      return Optional.empty();   // the common case: a task of a non-revocable tier
    }
    // A revocable need holds only CPUs and RAM.
    String revocable = host.revocableFree().firstShortage(task.revocableNeed());
    if (revocable == null) {
      return Optional.empty();
    }
    return "cpus".equals(revocable) ? REVOCABLE_CPUS : REVOCABLE_RAM;
  }

  @Override
  public boolean isStatic() {
    return false;
  }
}
