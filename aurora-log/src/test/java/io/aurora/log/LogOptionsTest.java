package io.aurora.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.HostAndPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogOptionsTest {
  private static final HostAndPort FALLBACK = HostAndPort.fromParts("0.0.0.0", 8083);

  @Test
  void replicaAddress_comesFromLibprocessVariables_elseTheFallback() {
    assertThat(LogOptions.replicaAddress(Map.of("LIBPROCESS_IP", "10.0.0.5",
        "LIBPROCESS_PORT", "5051"), FALLBACK)).isEqualTo(HostAndPort.fromParts("10.0.0.5", 5051));
    assertThat(LogOptions.replicaAddress(Map.of("LIBPROCESS_PORT", "7000"), FALLBACK))
        .isEqualTo(HostAndPort.fromParts("0.0.0.0", 7000));
    assertThat(LogOptions.replicaAddress(Map.of(), FALLBACK)).isEqualTo(FALLBACK);
  }

  @Test
  void options_rejectNonsense_andZkGroupReplacesStaticPeers() {
    LogOptions o = LogOptions.of(2, Path.of("/tmp/log"), FALLBACK, List.of(FALLBACK));
    assertThat(o.withZkGroupPath("/aurora/log").peers()).isEmpty();
    assertThat(o.withZkGroupPath("/aurora/log").zkGroupPath()).contains("/aurora/log");
    assertThatThrownBy(() -> LogOptions.of(0, Path.of("/tmp"), FALLBACK, List.of()))
        .hasMessageContaining("quorum");
    assertThatThrownBy(() -> o.withTickInterval(Duration.ZERO)).hasMessageContaining("tickInterval");
  }

  @Test
  void learnedValuesInMemory_defaultsTo4096_survivesTheOtherWithers_andMustBePositive() {
    LogOptions o = LogOptions.of(2, Path.of("/tmp/log"), FALLBACK, List.of(FALLBACK));
    assertThat(o.learnedValuesInMemory()).isEqualTo(4096);
    LogOptions small = o.withLearnedValuesInMemory(8);
    assertThat(small.withZkGroupPath("/g").withTickInterval(Duration.ofMillis(10))
        .withTimeouts(Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1))
        .learnedValuesInMemory()).isEqualTo(8);
    assertThatThrownBy(() -> o.withLearnedValuesInMemory(0))
        .hasMessageContaining("learned values in memory");
  }

  @Test
  void defaults_areOneReplicaOnAnyFreePort_andWithersChangeOneSetting() {
    assertThat(LogOptions.DEFAULTS.quorumSize()).isEqualTo(1);
    assertThat(LogOptions.DEFAULTS.peers()).isEmpty();
    assertThat(LogOptions.DEFAULTS.localAddress().getPort()).isZero();
    LogOptions o = LogOptions.DEFAULTS.withDataDir(Path.of("/tmp/r1"))
        .withLocalAddress(FALLBACK).withQuorum(2, List.of(FALLBACK));
    assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/r1"));
    assertThat(o.quorumSize()).isEqualTo(2);
    assertThat(o.writeTimeout()).isEqualTo(LogOptions.DEFAULTS.writeTimeout());
  }
}
