package io.aurora.server.client.config;

import io.aurora.gen.GetTierConfigResult;
import io.aurora.gen.TierConfig;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the scheduler's tiers come from when an Aurora job is read: Aurora's client asks the
 * scheduler ({@code getTierConfigs}) and backfills {@code tier} and {@code production} from the
 * answer. Called at most once per read, and only for Aurora's job form.
 */
@FunctionalInterface
public interface TierSource {
  /** Aurora's stock {@code tiers.json}: default preemptible; preferred, preemptible, revocable. */
  TierSource STOCK = TierSource::stock;

  /** The scheduler's tiers. */
  GetTierConfigResult tiers();

  private static GetTierConfigResult stock() {
    Set<TierConfig> tiers = new HashSet<>();
    tiers.add(new TierConfig("preferred", Map.of("preemptible", "false", "revocable", "false")));
    tiers.add(new TierConfig("preemptible", Map.of("preemptible", "true", "revocable", "false")));
    tiers.add(new TierConfig("revocable", Map.of("preemptible", "true", "revocable", "true")));
    return new GetTierConfigResult("preemptible", tiers);
  }
}
