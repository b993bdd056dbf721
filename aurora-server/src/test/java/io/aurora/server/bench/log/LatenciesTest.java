package io.aurora.server.bench.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentiles_useNearestRank() {
    Latencies l = new Latencies();
    for (long ms = 1000; ms >= 1; ms--) {
      l.record(ms * 1_000_000);
    }
    assertThat(l.count()).isEqualTo(1000);
    assertThat(l.percentileMillis(0.5)).isEqualTo(500.0);
    assertThat(l.percentileMillis(0.99)).isEqualTo(990.0);
    assertThat(l.percentileMillis(0.999)).isEqualTo(999.0);
    assertThat(l.percentileMillis(1.0)).isEqualTo(1000.0);
  }

  @Test
  void growsPastItsInitialCapacity_andIsZeroWhenEmpty() {
    Latencies l = new Latencies();
    assertThat(l.percentileMillis(0.99)).isZero();
    for (int i = 0; i < 40_000; i++) {
      l.record(2_000_000);
    }
    assertThat(l.count()).isEqualTo(40_000);
    assertThat(l.percentileMillis(0.999)).isEqualTo(2.0);
    assertThatThrownBy(() -> l.percentileMillis(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
