package io.aurora.server.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
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

  private static void assertBad(UpdateConfig config, int instances, String message) {
    assertThatThrownBy(() -> config.validate(instances))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION))
        .hasMessage(message);
  }
}
