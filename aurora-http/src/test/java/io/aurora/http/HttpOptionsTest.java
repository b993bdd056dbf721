package io.aurora.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpOptionsTest {
  private static HttpOptions withPort(int port) {
    return new HttpOptions(port, Optional.empty(), Optional.empty(), "", Duration.ofSeconds(1), Duration.ofHours(1));
  }

  @Test
  void portMustFitInSixteenBits() {
    assertThat(withPort(0).port()).isZero();
    assertThat(withPort(65535).port()).isEqualTo(65535);
    assertThatThrownBy(() -> withPort(65536)).hasMessageContaining("-http_port");
    assertThatThrownBy(() -> withPort(-1)).hasMessageContaining("-http_port");
  }

  @Test
  void retentionMustCoverAtLeastOneSample() {
    assertThatThrownBy(() -> new HttpOptions(0, Optional.empty(), Optional.empty(), "",
        Duration.ofMinutes(1), Duration.ofSeconds(1)))
        .hasMessageContaining("-stat_retention_period");
  }
}
