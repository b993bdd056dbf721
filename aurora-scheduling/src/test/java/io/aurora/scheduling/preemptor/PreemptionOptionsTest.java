package io.aurora.scheduling.preemptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.preempt.PreemptionTiers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreemptionOptionsTest {
  private static final PreemptionOptions D = PreemptionOptions.DEFAULTS;

  @Test
  void defaults_areAuroras() {
    assertThat(D.enabled()).isTrue();
    assertThat(D.delay()).isEqualTo(Duration.ofMinutes(3));
    assertThat(D.slotHoldTime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(D.searchInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(D.searchInitialDelay()).isEqualTo(Duration.ofMinutes(3));
    assertThat(D.maxBatchSize()).isEqualTo(5);
    assertThat(D.reservationDuration()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void badValues_nameTheirFlag() {
    assertThatThrownBy(() -> new PreemptionOptions(true, Duration.ofSeconds(-1),
        D.slotHoldTime(), D.searchInterval(), D.searchInitialDelay(), 5,
        D.reservationDuration(), D.tiers())).hasMessageContaining("-preemption_delay");
    assertThatThrownBy(() -> new PreemptionOptions(true, D.delay(), D.slotHoldTime(),
        Duration.ZERO, D.searchInitialDelay(), 5, D.reservationDuration(), D.tiers()))
        .hasMessageContaining("-preemption_slot_search_interval");
    assertThatThrownBy(() -> new PreemptionOptions(true, D.delay(), D.slotHoldTime(),
        D.searchInterval(), D.searchInitialDelay(), 0, D.reservationDuration(), D.tiers()))
        .hasMessageContaining("-preemption_reservation_max_batch_size");
    assertThatThrownBy(() -> new PreemptionOptions(true, D.delay(), Duration.ZERO,
        D.searchInterval(), D.searchInitialDelay(), 5, D.reservationDuration(), D.tiers()))
        .hasMessageContaining("-preemption_slot_hold_time");
  }

  @Test
  void tiers_decidePreemptibility_andTheDefaultTierCounts() {
    PreemptionTiers tiers = PreemptionTiers.DEFAULTS;
    assertThat(tiers.isPreemptible(new TaskConfig().setTier("preferred"))).isFalse();
    assertThat(tiers.isPreemptible(new TaskConfig().setTier("revocable"))).isTrue();
    assertThat(tiers.isRevocable(new TaskConfig().setTier("revocable"))).isTrue();
    assertThat(tiers.isPreemptible(new TaskConfig())).isTrue();
  }
}
