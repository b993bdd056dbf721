package io.aurora.server.zk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.curator.framework.state.ConnectionState;
import org.junit.jupiter.api.Test;

class ConnectionStateGaugesTest {

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final ConnectionStateGauges gauges = new ConnectionStateGauges(registry);

  @Test
  void beforeAnyEvent_allGaugesAreZero() {
    for (ConnectionState s : ConnectionState.values()) {
      assertThat(gauge(s)).as(s.name()).isZero();
    }
  }

  @Test
  void stateChange_setsOnlyCurrentGauge_andCountsEntries() {
    gauges.stateChanged(null, ConnectionState.CONNECTED);
    gauges.stateChanged(null, ConnectionState.SUSPENDED);
    gauges.stateChanged(null, ConnectionState.RECONNECTED);
    gauges.stateChanged(null, ConnectionState.SUSPENDED);

    assertThat(gauge(ConnectionState.SUSPENDED)).isEqualTo(1);
    assertThat(gauge(ConnectionState.CONNECTED)).isZero();
    assertThat(gauge(ConnectionState.RECONNECTED)).isZero();
    assertThat(counter(ConnectionState.SUSPENDED)).isEqualTo(2);
    assertThat(counter(ConnectionState.CONNECTED)).isEqualTo(1);
    assertThat(counter(ConnectionState.LOST)).isZero();
  }

  @Test
  void names_areAuroras() {
    assertThat(ConnectionStateGauges.gaugeName(ConnectionState.LOST))
        .isEqualTo("zk_connection_state_LOST");
    assertThat(registry.find("zk_connection_state_READ_ONLY_counter").counter()).isNotNull();
  }

  private double gauge(ConnectionState s) {
    return registry.get("zk_connection_state_" + s.name()).gauge().value();
  }

  private double counter(ConnectionState s) {
    return registry.get("zk_connection_state_" + s.name() + "_counter").counter().count();
  }
}
