package io.aurora.server.flags;

import io.aurora.scheduling.offers.OfferOptions;
import io.aurora.scheduling.offers.OfferOrder;
import io.aurora.scheduling.runtime.PlacementOptions;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.resources.Revocability;
import io.aurora.scheduling.thrift.TierSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The pending-task loop, rescheduling backoff, offers and tiers. Preemption's are in {@link PreemptionFlags}. */
public final class SchedulingFlags implements FlagGroup {
  @Option(names = "-max_schedule_attempts_per_sec", defaultValue = "10000.0",
      description = "Scheduling attempts per second, across all task groups (an attempt tries one "
          + "task group in one round; schedule_attempts_blocks counts rounds cut short by this limit). "
          + "Aurora's default is 40.0, which with 5 tasks per attempt caps placement at 200 tasks/s; "
          + "ours does not cap below 10,000 tasks/s even for single-task jobs.")
  private double maxScheduleAttemptsPerSec;

  @Option(names = "-max_tasks_per_schedule_attempt", defaultValue = "1000",
      description = "Tasks of one group placed in a single scheduling attempt; the rest wait for the "
          + "next round. Aurora's default is 5; ours is 1000 so that large jobs are not capped at "
          + "a few tasks per attempt.")
  private int maxTasksPerScheduleAttempt;

  @Option(names = "-scheduling_max_batch_size", defaultValue = "1000",
      description = "Scheduling attempts whose results share one storage transaction (one round). "
          + "Aurora's default is 3; ours is 1000 because every transaction is a durable log write.")
  private int schedulingMaxBatchSize;

  @Option(names = "-first_schedule_delay", defaultValue = "1ms",
      description = "Delay before a newly pending task group is first tried.")
  private Duration firstScheduleDelay;

  @Option(names = "-initial_schedule_penalty", defaultValue = "1secs",
      description = "Backoff after a task group found no offer; it doubles on each failure.")
  private Duration initialSchedulePenalty;

  @Option(names = "-max_schedule_penalty", defaultValue = "1mins",
      description = "Largest backoff of a task group that keeps finding no offer.")
  private Duration maxSchedulePenalty;

  @Option(names = "-flapping_task_threshold", defaultValue = "5mins",
      description = "A task that ran for less than this before ending counts as flapping.")
  private Duration flappingTaskThreshold;

  @Option(names = "-initial_flapping_task_delay", defaultValue = "30secs",
      description = "Wait before replacing a flapping task; it doubles while the task keeps flapping.")
  private Duration initialFlappingTaskDelay;

  @Option(names = "-max_flapping_task_delay", defaultValue = "5mins",
      description = "Longest wait before replacing a flapping task.")
  private Duration maxFlappingTaskDelay;

  @Option(names = "-max_reschedule_task_delay_on_startup", defaultValue = "30secs",
      description = "Task groups pending when this scheduler becomes leader wait a random delay up to this before their first attempt, so a failover does not launch all at once.")
  private Duration maxRescheduleTaskDelayOnStartup;

  @Option(names = "-enable_update_affinity", arity = "0..1", defaultValue = "false",
      description = "During a job update, hold the agent of a replaced instance for its replacement, "
          + "so the new task lands where the old one ran (its data and images are there).")
  private boolean enableUpdateAffinity;

  @Option(names = "-update_affinity_reservation_hold_time", defaultValue = "3mins",
      description = "How long an agent stays held for an updated instance's replacement "
          + "(with -enable_update_affinity).")
  private Duration updateAffinityReservationHoldTime;

  @Option(names = "-min_offer_hold_time", defaultValue = "5mins",
      description = "An unused offer is held at least this long before it is declined.")
  private Duration minOfferHoldTime;

  @Option(names = "-offer_hold_jitter_window", defaultValue = "1mins",
      description = "Random extra hold of up to this per offer, so held offers do not all expire together.")
  private Duration offerHoldJitterWindow;

  @Option(names = "-hold_offers_forever", arity = "0..1", defaultValue = "false",
      description = "Never decline unused offers (for clusters where Aurora is the only framework).")
  private boolean holdOffersForever;

  @Option(names = "-offer_filter_duration", defaultValue = "5secs",
      description = "How long Mesos should wait before offering declined resources again.")
  private Duration offerFilterDuration;

  @Option(names = "-offer_order", split = ",", defaultValue = "RANDOM",
      description = "Order in which held offers are tried, most significant key first: CPU, MEMORY and DISK put the offer with the least free first (bin packing), REVOCABLE_CPU the fewest revocable CPUs, RANDOM draws a new order each scheduling round.")
  private List<OfferOrder> offerOrder;

  @Option(names = "-offer_static_ban_cache_max_size", defaultValue = "9223372036854775807",
      description = "Most (task group, offer) answers of the static placement checks remembered so they are not checked again; beyond it they are checked each round.")
  private long offerStaticBanCacheMaxSize;

  @Option(names = "-unavailability_threshold", defaultValue = "6mins",
      description = "Tasks on a host are drained this long before its announced Mesos unavailability (from offers and inverse offers), and the host takes no new tasks from then on.")
  private Duration unavailabilityThreshold;

  /** {@code -unavailability_threshold}. */
  public Duration unavailabilityThreshold() {
    return unavailabilityThreshold;
  }

  @Option(names = "-enable_revocable_cpus", arity = "0..1", defaultValue = "true",
      description = "Tasks of revocable tiers take their CPUs (and their executor's) only from "
          + "revocable offer resources; when false they use non-revocable CPUs like other tasks. "
          + "Offers carry revocable resources only with -receive_revocable_resources.")
  private boolean enableRevocableCpus;

  @Option(names = "-enable_revocable_ram", arity = "0..1", defaultValue = "false",
      description = "Tasks of revocable tiers take their RAM (and their executor's) only from "
          + "revocable offer resources; when false they use non-revocable RAM.")
  private boolean enableRevocableRam;

  @Option(names = "-tier_config",
      description = "JSON file defining task tiers, in Aurora's format: "
          + "{\"default\": \"preemptible\", \"tiers\": {\"preferred\": {\"preemptible\": false, "
          + "\"revocable\": false}, ...}}. Unset means the built-in tiers: preferred (production), "
          + "preemptible (the default) and revocable.")
  private Path tierConfig;

  // Read once: check() and the wiring both ask, and the file must not change between them.
  private TierSettings tiers;

  @Override
  public String title() {
    return "Scheduling and offers";
  }

  /** The scheduling loop's pace and backoff ({@code io.aurora.scheduling.runtime}). */
  public PlacementOptions toPlacementOptions() {
    return new PlacementOptions(maxScheduleAttemptsPerSec, maxTasksPerScheduleAttempt, schedulingMaxBatchSize,
        firstScheduleDelay, initialSchedulePenalty, maxSchedulePenalty);
  }

  /** The flapping backoff ({@code io.aurora.scheduling.state}). */
  public RescheduleOptions toRescheduleOptions() {
    return new RescheduleOptions(flappingTaskThreshold, initialFlappingTaskDelay, maxFlappingTaskDelay);
  }

  /** Offer hold, order and the static-answer cache ({@code io.aurora.scheduling.offers}). */
  public OfferOptions toOfferOptions() {
    return new OfferOptions(minOfferHoldTime, offerHoldJitterWindow, offerFilterDuration, holdOffersForever,
        offerOrder, offerStaticBanCacheMaxSize);
  }

  /** {@code -max_reschedule_task_delay_on_startup}. */
  public Duration maxRescheduleTaskDelayOnStartup() {
    return maxRescheduleTaskDelayOnStartup;
  }

  /**
   * The tiers: {@code -tier_config}'s file, or the built-in tiers.
   *
   * @throws IllegalArgumentException naming the flag, if the file cannot be read or is invalid
   */
  public TierSettings tiers() {
    if (tiers == null) {
      tiers = tierConfig == null ? TierSettings.DEFAULTS : TierSettings.fromJson(readTierConfig());
    }
    return tiers;
  }

  private String readTierConfig() {
    try {
      return Files.readString(tierConfig);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("-tier_config " + tierConfig + " does not exist", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("-tier_config " + tierConfig + " cannot be read: " + e, e);
    }
  }

  /** Which tasks run on revocable resources, and which of their resources. */
  public Revocability toRevocability() {
    return new Revocability(enableRevocableCpus, enableRevocableRam, tiers().revocableTiers());
  }

  /** {@code -enable_update_affinity}. */
  public boolean updateAffinity() {
    return enableUpdateAffinity;
  }

  /** {@code -update_affinity_reservation_hold_time}. */
  public Duration updateAffinityHoldTime() {
    return updateAffinityReservationHoldTime;
  }
}
