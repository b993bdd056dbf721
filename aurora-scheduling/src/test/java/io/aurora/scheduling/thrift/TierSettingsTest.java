package io.aurora.scheduling.thrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TierSettingsTest {
  @Test
  void fromJson_readsAuroraTierConfig() {
    TierSettings tiers = TierSettings.fromJson("""
        {"default": "preferred",
         "tiers": {"preferred": {"revocable": false, "preemptible": false},
                   "spot": {"revocable": true, "preemptible": true}}}
        """);
    assertThat(tiers.defaultTier()).isEqualTo("preferred");
    assertThat(tiers.tier("spot")).isEqualTo(new TierSettings.Tier(true, true));
    assertThat(tiers.toResult().getTiers()).hasSize(2);
    assertThat(tiers.revocableTiers()).containsExactly("spot");
    assertThat(TierSettings.DEFAULTS.revocableTiers()).containsExactly("revocable");
  }

  @Test
  void fromJson_rejectsBadConfigs() {
    assertThatThrownBy(() -> TierSettings.fromJson("{"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-tier_config");
    assertThatThrownBy(() -> TierSettings.fromJson("{\"default\": \"x\", \"tiers\": {}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defines no tiers");
    assertThatThrownBy(() -> TierSettings.fromJson(
        "{\"default\": \"a\", \"tiers\": {\"a\": {\"revocable\": 1}}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier a");
    assertThatThrownBy(() -> TierSettings.fromJson(
        "{\"default\": \"b\", \"tiers\": {\"a\": {\"revocable\": false, \"preemptible\": true}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("-tier_config default tier 'b' is not one of its tiers [a]");
  }
}
