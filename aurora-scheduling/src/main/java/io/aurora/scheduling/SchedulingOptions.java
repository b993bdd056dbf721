package io.aurora.scheduling;

import java.util.Objects;

/**
 * Everything aurora-scheduling is configured with, one record per concern. The scheduler daemon
 * builds it from its flags; embedders build it directly.
 *
 * @param placement the pending-task loop's pace and backoff
 * @param rescheduling delays before replacing ended tasks
 * @param offers how offers are held, ordered and declined
 * @param tiers revocable resources and tier definitions
 * @param lifecycle task state timeouts and batching
 * @param reconciliation reconciliation with Mesos
 * @param pruning retention of finished tasks and updates
 * @param jobs limits on jobs and the executor's overhead
 */
public record SchedulingOptions(
    PlacementOptions placement,
    ReschedulingOptions rescheduling,
    OfferOptions offers,
    TierOptions tiers,
    LifecycleOptions lifecycle,
    ReconciliationOptions reconciliation,
    PruningOptions pruning,
    JobOptions jobs) {
  public SchedulingOptions {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(rescheduling, "rescheduling");
    Objects.requireNonNull(offers, "offers");
    Objects.requireNonNull(tiers, "tiers");
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(reconciliation, "reconciliation");
    Objects.requireNonNull(pruning, "pruning");
    Objects.requireNonNull(jobs, "jobs");
  }
}
