package io.aurora.server.bench.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverBenchTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return new FailoverBench().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void help_listsTheFlags() throws Exception {
    assertThat(run("-help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: aurora-bench failover", "-tasks", "-zk_session_timeout_ms");
  }

  @Test
  void sessionTimeoutOutsideWhatZooKeeperGrants_isRefused() throws Exception {
    assertThat(run("-zk_session_timeout_ms=1000")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("between 4000 and 40000");
    assertThat(run("-tasks=0")).isEqualTo(1);
  }

  @Test
  void outsideADistribution_saysSoInsteadOfStarting() throws Exception {
    // Test classes load from target/classes, which has no bin/aurora-scheduler beside a lib/.
    if (System.getenv("AURORA_HOME") == null) {
      assertThat(FailoverBench.distributionHome()).isEmpty();
      assertThat(run("-tasks=1")).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot find the distribution");
    }
  }

  @Test
  void unknownFlag_isOneLine() throws Exception {
    assertThat(run("-no_such_flag")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1)
        .allMatch(l -> l.startsWith("aurora-bench failover: "));
  }
}
