package io.aurora.server.bench.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {
  private static final Path HOME = Path.of("/opt/aurora");
  private static final Path DIR = Path.of("/tmp/cluster");

  private static ClusterOptions withAgents(int simulated, int local) {
    return new ClusterOptions(HOME, DIR, "127.0.0.1:2181", 3, 2, Duration.ofSeconds(4),
        simulated, "cpus:8;mem:16384", "", List.of(), "", local, "cpus:4;mem:4096");
  }

  @Test
  void failoverRunsConstructor_hasNoLocalAgents() {
    ClusterOptions options = new ClusterOptions(HOME, DIR, "127.0.0.1:2181", 3, 2,
        Duration.ofSeconds(4), 2, "cpus:8;mem:16384", "", List.of(), "");
    assertThat(options.localAgents()).isZero();
    assertThat(options.localAgentResources()).isEmpty();
    assertThat(options.simulatedAgents()).isEqualTo(2);
  }

  @Test
  void localAgentsAlone_areEnough() {
    assertThat(withAgents(0, 2).localAgents()).isEqualTo(2);
  }

  @Test
  void noAgentAtAll_isRefused() {
    assertThatThrownBy(() -> withAgents(0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one agent");
  }

  @Test
  void negativeAgentCount_isRefused() {
    assertThatThrownBy(() -> withAgents(3, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> withAgents(-1, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
