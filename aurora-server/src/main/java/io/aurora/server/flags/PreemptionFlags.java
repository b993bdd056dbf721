package io.aurora.server.flags;

import io.aurora.scheduling.preempt.PreemptionTiers;
import io.aurora.scheduling.preemptor.PreemptionOptions;
import io.aurora.scheduling.thrift.TierSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** Preemption: when pending production work takes the room of preemptible tasks. */
public final class PreemptionFlags implements FlagGroup {
  @Option(names = "-enable_preemptor", arity = "0..1", defaultValue = "true",
      description = "Let pending tasks preempt running ones: a non-preemptible task preempts "
          + "tasks of preemptible tiers, and a task preempts lower-priority tasks of its own role "
          + "and tier class.")
  private boolean enablePreemptor;

  @Option(names = "-preemption_delay", defaultValue = "3mins",
      description = "A task must have been pending this long before it may preempt.")
  private Duration preemptionDelay;

  @Option(names = "-preemption_slot_hold_time", defaultValue = "5mins",
      description = "How long a preemption slot found by the search is kept for its task group "
          + "before it is dropped unused.")
  private Duration preemptionSlotHoldTime;

  @Option(names = "-preemption_slot_search_initial_delay", defaultValue = "3mins",
      description = "Wait after becoming leader before the first preemption slot search.")
  private Duration preemptionSlotSearchInitialDelay;

  @Option(names = "-preemption_slot_search_interval", defaultValue = "1mins",
      description = "Pause between preemption slot searches (each reads one snapshot of the "
          + "cluster in the background).")
  private Duration preemptionSlotSearchInterval;

  @Option(names = "-preemption_reservation_max_batch_size", defaultValue = "5",
      description = "Most slots one search finds for the tasks of one task group.")
  private int preemptionReservationMaxBatchSize;

  @Option(names = "-offer_reservation_duration", defaultValue = "3mins",
      description = "How long an agent whose tasks were preempted stays held for the task they "
          + "were preempted for; no other task is placed there meanwhile.")
  private Duration offerReservationDuration;

  @Override
  public String title() {
    return "Preemption";
  }

  /**
   * The preemptor's options, with the tiers' preemptibility from {@code tiers}.
   *
   * @throws IllegalArgumentException naming the flag, if a value is out of range
   */
  public PreemptionOptions toPreemptionOptions(TierSettings tiers) {
    Set<String> preemptible = new HashSet<>();
    Set<String> revocable = new HashSet<>();
    tiers.tiers().forEach((name, tier) -> {
      if (tier.preemptible()) {
        preemptible.add(name);
      }
      if (tier.revocable()) {
        revocable.add(name);
      }
    });
    return new PreemptionOptions(enablePreemptor, preemptionDelay, preemptionSlotHoldTime,
        preemptionSlotSearchInterval, preemptionSlotSearchInitialDelay,
        preemptionReservationMaxBatchSize, offerReservationDuration,
        new PreemptionTiers(tiers.defaultTier(), preemptible, revocable));
  }
}
