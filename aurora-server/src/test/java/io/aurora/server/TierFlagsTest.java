package io.aurora.server;

import static io.aurora.server.ServerCommandLineTest.failure;
import static io.aurora.server.ServerCommandLineTest.options;
import static io.aurora.server.ServerCommandLineTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.resources.Revocability;
import io.aurora.scheduling.thrift.TierSettings;
import io.aurora.server.flags.ServerFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -tier_config}, {@code -enable_revocable_cpus} and {@code -enable_revocable_ram}. */
class TierFlagsTest {
  @TempDir Path dir;

  private Path file(String json) throws Exception {
    Path path = dir.resolve("tiers.json");
    Files.writeString(path, json);
    return path;
  }

  @Test
  void defaults_areAurorasBuiltInTiers_withRevocableCpusOnly() {
    ServerFlags f = options().serverFlags();

    assertThat(f.toApiOptions().tiers()).isEqualTo(TierSettings.DEFAULTS);
    assertThat(f.toSchedulerRuntimeOptions("box").revocability()).isEqualTo(Revocability.DEFAULTS);
    assertThat(Revocability.DEFAULTS).isEqualTo(new Revocability(true, false, Set.of("revocable")));
  }

  @Test
  void tierConfigFile_reachesTheApiAndPlacement() throws Exception {
    Path tiers = file("""
        {"default": "batch",
         "tiers": {"gold": {"preemptible": false, "revocable": false},
                   "batch": {"preemptible": true, "revocable": false},
                   "scavenger": {"preemptible": true, "revocable": true},
                   "spare": {"preemptible": true, "revocable": true}}}
        """);

    ServerFlags f = options("-tier_config=" + tiers, "-enable_revocable_cpus=false",
        "-enable_revocable_ram").serverFlags();

    TierSettings settings = f.toApiOptions().tiers();
    assertThat(settings.defaultTier()).isEqualTo("batch");
    assertThat(settings.tiers()).containsOnlyKeys("gold", "batch", "scavenger", "spare");
    assertThat(settings.tier("gold")).isEqualTo(new TierSettings.Tier(false, false));
    assertThat(f.toSchedulerRuntimeOptions("box").revocability())
        .isEqualTo(new Revocability(false, true, Set.of("scavenger", "spare")));
  }

  @Test
  void badTierConfig_failsWithOneLineNamingTheFlagAndTheProblem() throws Exception {
    assertThat(failure(with("-tier_config=" + dir.resolve("missing.json"))))
        .isEqualTo("-tier_config " + dir.resolve("missing.json") + " does not exist");
    assertThat(failure(with("-tier_config=" + file("{\"default\": "))))
        .startsWith("-tier_config is not valid JSON");
    assertThat(failure(with("-tier_config=" + file("{\"tiers\": {}}"))))
        .isEqualTo("-tier_config needs a string \"default\" and an object \"tiers\"");
    assertThat(failure(with("-tier_config=" + file("{\"default\": \"a\", \"tiers\": {}}"))))
        .isEqualTo("-tier_config defines no tiers");
    assertThat(failure(with("-tier_config=" + file(
        "{\"default\": \"b\", \"tiers\": {\"a\": {\"preemptible\": true, \"revocable\": false}}}"))))
        .isEqualTo("-tier_config default tier 'b' is not one of its tiers [a]");
    assertThat(failure(with("-tier_config=" + file(
        "{\"default\": \"a\", \"tiers\": {\"a\": {\"preemptible\": \"yes\", \"revocable\": false}}}"))))
        .isEqualTo("-tier_config tier a needs boolean \"preemptible\" and \"revocable\"");
  }
}
