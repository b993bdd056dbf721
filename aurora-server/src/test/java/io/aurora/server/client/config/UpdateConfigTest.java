package io.aurora.server.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UpdateConfigTest {
  @Test
  void defaults_areAurorasClients() {
    assertThat(UpdateConfig.DEFAULTS).isEqualTo(new UpdateConfig(1, 45, 0, 0, true));
    assertThat(UpdateConfig.DEFAULTS.validate(1)).isSameAs(UpdateConfig.DEFAULTS);
  }

  @Test
  void validate_refusesEachBadSettingNamingItsFlag() {
    assertBad(new UpdateConfig(0, 45, 0, 0, true), 5, "--batch-size must be at least 1, got 0");
    assertBad(new UpdateConfig(1, -1, 0, 0, true), 5, "--watch-secs must not be negative, got -1");
    assertBad(new UpdateConfig(1, 45, -1, 0, true), 5,
        "--max-per-instance-failures must not be negative, got -1");
    assertBad(new UpdateConfig(1, 45, 0, -2, true), 5,
        "--max-total-failures must not be negative, got -2");
    assertBad(new UpdateConfig(1, 45, 0, 5, true), 5,
        "--max-total-failures (5) must be less than the job's instance count (5)");
    assertThat(new UpdateConfig(3, 0, 2, 4, false).validate(5)).isNotNull();
  }

  @Test
  void validate_aurorasRulesForPulsesAndStrategies() {
    UpdateConfig queue = strategy(new UpdateConfig.QueueStrategy(2), 1, false);
    assertThat(queue.validate(3)).isSameAs(queue);
    assertBad(new UpdateConfig(1, 45, 0, 0, true, false, OptionalInt.of(59), false,
        Optional.empty()), 5, "update_config.pulse_interval_secs must be at least 60, got 59");
    assertBad(strategy(new UpdateConfig.QueueStrategy(2), 2, false), 5,
        "Ambiguous update configuration: update_config.update_strategy goes with neither "
            + "wait_for_batch_completion nor a batch_size (--batch-size) above 1; set the batch "
            + "size in the strategy");
    assertBad(strategy(new UpdateConfig.BatchStrategy(2, true), 1, true), 5,
        "Ambiguous update configuration");
    assertBad(strategy(new UpdateConfig.BatchStrategy(0, true), 1, false), 5,
        "update_strategy batch_size must be at least 1, got 0");
    assertBad(strategy(new UpdateConfig.VariableBatchStrategy(List.of(1, 0), false), 1, false), 5,
        "update_strategy batch_sizes must be a non-empty list of sizes of at least 1, got [1, 0]");
  }

  @Test
  void with_replacesTheFlaggedSettingsOnly() {
    UpdateConfig file = new UpdateConfig(1, 45, 0, 0, true, true, OptionalInt.of(60), true,
        Optional.empty());
    assertThat(file.with(2, 10, 1, 1, false)).isEqualTo(new UpdateConfig(2, 10, 1, 1, false,
        true, OptionalInt.of(60), true, Optional.empty()));
  }

  private static UpdateConfig strategy(UpdateConfig.Strategy s, int batchSize, boolean wait) {
    return new UpdateConfig(batchSize, 45, 0, 0, true, wait, OptionalInt.empty(), false,
        Optional.of(s));
  }

  private static void assertBad(UpdateConfig config, int instances, String message) {
    assertThatThrownBy(() -> config.validate(instances))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION))
        .hasMessageStartingWith(message);
  }
}
