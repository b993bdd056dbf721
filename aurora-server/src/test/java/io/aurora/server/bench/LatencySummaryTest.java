package io.aurora.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {
  @Test
  void percentiles_useNearestRank() {
    long[] samples = new long[1000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = 1000 - i; // 1000 down to 1: order must not matter
    }
    LatencySummary s = LatencySummary.of(samples);
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.p50Nanos()).isEqualTo(500);
    assertThat(s.p99Nanos()).isEqualTo(990);
    assertThat(s.maxNanos()).isEqualTo(1000);
    assertThat(s.meanNanos()).isEqualTo(500.5);
    assertThat(samples[0]).as("input untouched").isEqualTo(1000);
  }

  @Test
  void singleSample_isEveryPercentile() {
    LatencySummary s = LatencySummary.of(new long[] {7});
    assertThat(s.p50Nanos()).isEqualTo(7);
    assertThat(s.p99Nanos()).isEqualTo(7);
  }

  @Test
  void noSamples_isRejected() {
    assertThatThrownBy(() -> LatencySummary.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
