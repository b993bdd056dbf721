package io.aurora.scheduling.preemptor;

import static com.google.common.base.Preconditions.checkArgument;

import io.aurora.scheduling.preempt.PreemptionTiers;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the preemptor; defaults are Aurora's.
 *
 * @param enabled whether pending production work preempts ({@code -enable_preemptor}, true)
 * @param delay a task pending less than this does not preempt ({@code -preemption_delay}, 3 min)
 * @param slotHoldTime how long a found slot is kept for its group
 *     ({@code -preemption_slot_hold_time}, 5 min)
 * @param searchInterval pause between slot searches ({@code -preemption_slot_search_interval},
 *     1 min)
 * @param searchInitialDelay wait before the first search after becoming leader
 *     ({@code -preemption_slot_search_initial_delay}, 3 min)
 * @param maxBatchSize tasks of one group a search finds slots for
 *     ({@code -preemption_reservation_max_batch_size}, 5)
 * @param reservationDuration how long an agent whose tasks were preempted stays held for the
 *     task they were preempted for ({@code -offer_reservation_duration}, 3 min)
 * @param tiers which tiers are preemptible and revocable ({@code -tier_config})
 */
public record PreemptionOptions(boolean enabled, Duration delay, Duration slotHoldTime,
    Duration searchInterval, Duration searchInitialDelay, int maxBatchSize,
    Duration reservationDuration, PreemptionTiers tiers) {

  /** Aurora's defaults with its built-in tiers. */
  public static final PreemptionOptions DEFAULTS = new PreemptionOptions(true,
      Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(3),
      5, Duration.ofMinutes(3), PreemptionTiers.DEFAULTS);

  public PreemptionOptions {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(slotHoldTime, "slotHoldTime");
    Objects.requireNonNull(searchInterval, "searchInterval");
    Objects.requireNonNull(searchInitialDelay, "searchInitialDelay");
    Objects.requireNonNull(reservationDuration, "reservationDuration");
    Objects.requireNonNull(tiers, "tiers");
    checkArgument(!delay.isNegative(), "-preemption_delay must not be negative, got %s", delay);
    checkArgument(slotHoldTime.compareTo(Duration.ZERO) > 0,
        "-preemption_slot_hold_time must be positive, got %s", slotHoldTime);
    checkArgument(searchInterval.compareTo(Duration.ZERO) > 0,
        "-preemption_slot_search_interval must be positive, got %s", searchInterval);
    checkArgument(!searchInitialDelay.isNegative(),
        "-preemption_slot_search_initial_delay must not be negative, got %s", searchInitialDelay);
    checkArgument(maxBatchSize >= 1,
        "-preemption_reservation_max_batch_size must be at least 1, got %s", maxBatchSize);
    checkArgument(!reservationDuration.isNegative(),
        "-offer_reservation_duration must not be negative, got %s", reservationDuration);
  }

  /** These options with {@code tiers}. */
  public PreemptionOptions withTiers(PreemptionTiers tiers) {
    return new PreemptionOptions(enabled, delay, slotHoldTime, searchInterval,
        searchInitialDelay, maxBatchSize, reservationDuration, tiers);
  }

  /** These options with the preemptor switched on or off ({@code -enable_preemptor}). */
  public PreemptionOptions withEnabled(boolean on) {
    return new PreemptionOptions(on, delay, slotHoldTime, searchInterval, searchInitialDelay,
        maxBatchSize, reservationDuration, tiers);
  }
}
