package io.aurora.scheduling.thrift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.GetTierConfigResult;
import io.aurora.gen.TierConfig;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The task tiers: name to (preemptible, revocable), and the default tier. A task is production iff
 * its tier is neither preemptible nor revocable.
 *
 * @param defaultTier the tier of tasks that name none
 * @param tiers tier name to its settings
 */
public record TierSettings(String defaultTier, Map<String, Tier> tiers) {

  /** One tier. */
  public record Tier(boolean preemptible, boolean revocable) {}

  /** Aurora's built-in tiers: default preemptible; preferred, preemptible, revocable. */
  public static final TierSettings DEFAULTS = new TierSettings("preemptible", Map.of(
      "preferred", new Tier(false, false),
      "preemptible", new Tier(true, false),
      "revocable", new Tier(true, true)));

  public TierSettings {
    Objects.requireNonNull(defaultTier, "defaultTier");
    tiers = Map.copyOf(new LinkedHashMap<>(tiers));
    if (!tiers.containsKey(defaultTier)) {
      throw new IllegalArgumentException("default tier " + defaultTier + " is not among " + tiers.keySet());
    }
  }

  /**
   * Parses Aurora's {@code -tier_config} JSON:
   * {@code {"default": "preemptible", "tiers": {"preferred": {"revocable": false,
   * "preemptible": false}, ...}}}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static TierSettings fromJson(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("-tier_config is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("default").isTextual() || !root.path("tiers").isObject()) {
      throw new IllegalArgumentException(
          "-tier_config needs a string \"default\" and an object \"tiers\"");
    }
    Map<String, Tier> tiers = new LinkedHashMap<>();
    if (root.get("tiers").isEmpty()) {
      throw new IllegalArgumentException("-tier_config defines no tiers");
    }
    root.get("tiers").fields().forEachRemaining(e -> {
      JsonNode t = e.getValue();
      if (!t.path("preemptible").isBoolean() || !t.path("revocable").isBoolean()) {
        throw new IllegalArgumentException("-tier_config tier " + e.getKey()
            + " needs boolean \"preemptible\" and \"revocable\"");
      }
      tiers.put(e.getKey(), new Tier(t.get("preemptible").asBoolean(), t.get("revocable").asBoolean()));
    });
    String defaultTier = root.get("default").asText();
    if (!tiers.containsKey(defaultTier)) {
      throw new IllegalArgumentException("-tier_config default tier '" + defaultTier
          + "' is not one of its tiers " + tiers.keySet());
    }
    return new TierSettings(defaultTier, tiers);
  }

  /** The names of the revocable tiers (whose tasks run on revocable resources). */
  public Set<String> revocableTiers() {
    Set<String> names = new HashSet<>();
    tiers.forEach((name, tier) -> {
      if (tier.revocable()) {
        names.add(name);
      }
    });
    return Set.copyOf(names);
  }

  /** The settings of {@code name}, if it is a tier. */
  public Tier tier(String name) {
    return tiers.get(name);
  }

  /** The {@code getTierConfigs} result. */
  public GetTierConfigResult toResult() {
    Set<TierConfig> configs = new HashSet<>();
    tiers.forEach((name, tier) -> {
      Map<String, String> settings = new HashMap<>();
      settings.put("preemptible", Boolean.toString(tier.preemptible()));
      settings.put("revocable", Boolean.toString(tier.revocable()));
      configs.add(new TierConfig(name, settings));
    });
    return new GetTierConfigResult(defaultTier, configs);
  }
}
