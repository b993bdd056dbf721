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
        .contains("Usage: aurora-bench failover", "-tasks", "-zk_session_timeout_ms",
            "-zk_tick_ms", "-mesos_java_opts");
  }

  @Test
  void sessionTimeoutOutsideWhatZooKeeperGrants_isRefused() throws Exception {
    assertThat(run("-zk_session_timeout_ms=1000")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("(4000 to 40000): 1000");
    assertThat(run("-tasks=0")).isEqualTo(1);
  }

  @Test
  void theTickSetsWhichSessionTimeoutsAreGranted() throws Exception {
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    // 1000 ms is two ticks of 500 ms: accepted, so the run goes on to look for the distribution.
    if (System.getenv("AURORA_HOME") == null) {
      assertThat(run("-zk_tick_ms=500", "-zk_session_timeout_ms=1000")).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot find the distribution");
    }
    err.reset();
    assertThat(run("-zk_tick_ms=500", "-zk_session_timeout_ms=10001")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("between 2 and 20 ticks of -zk_tick_ms=500 (1000 to 10000): 10001");
    err.reset();
    assertThat(run("-zk_tick_ms=0")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("-zk_tick_ms must be at least 1");
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
