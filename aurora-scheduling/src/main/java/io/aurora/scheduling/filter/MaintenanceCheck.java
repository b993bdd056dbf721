package io.aurora.scheduling.filter;

import io.aurora.gen.MaintenanceMode;
import java.util.Optional;

/** Nothing new goes to a host that is DRAINING or DRAINED; SCHEDULED hosts still take tasks. */
public final class MaintenanceCheck implements FeasibilityCheck {
  @Override
  public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
    if (host.mode() == MaintenanceMode.DRAINING) {
      return Optional.of(Veto.maintenance("draining"));
    }
    if (host.mode() == MaintenanceMode.DRAINED) {
      return Optional.of(Veto.maintenance("drained"));
    }
    return Optional.empty();
  }

  @Override
  public boolean isStatic() {
    return true;
  }
}
