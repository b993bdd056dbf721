package io.aurora.scheduling;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which revocable resources may be used and where the tier definitions come from.
 *
 * @param enableRevocableCpus accept revocable CPUs for revocable tiers ({@code -enable_revocable_cpus})
 * @param enableRevocableRam accept revocable memory for revocable tiers ({@code -enable_revocable_ram})
 * @param tierConfig a JSON file of tier definitions; empty means the built-in tiers ({@code -tier_config})
 */
public record TierOptions(boolean enableRevocableCpus, boolean enableRevocableRam, Optional<Path> tierConfig) {
  public TierOptions {
    Objects.requireNonNull(tierConfig, "tierConfig");
  }
}
