package io.aurora.server.zk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

/**
 * Aurora's connection-state stats: a gauge {@code zk_connection_state_<STATE>} that is 1 for the
 * current state and 0 for the others, and a counter {@code zk_connection_state_<STATE>_counter} of
 * how often each state was entered. All gauges read 0 until the first state change arrives.
 *
 * <p>Micrometer keeps the first meter registered under a name, so one client per registry should
 * carry these (the daemon's main client).
 */
public final class ConnectionStateGauges implements ConnectionStateListener {

  private final AtomicReference<ConnectionState> current = new AtomicReference<>();
  private final Map<ConnectionState, Counter> counters = new EnumMap<>(ConnectionState.class);

  /** Registers one gauge and one counter per {@link ConnectionState} on {@code registry}. */
  public ConnectionStateGauges(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    for (ConnectionState state : ConnectionState.values()) {
      Gauge.builder(gaugeName(state), current, c -> c.get() == state ? 1 : 0)
          .description("1 while the ZooKeeper connection is " + state)
          .register(registry);
      counters.put(
          state,
          Counter.builder(gaugeName(state) + "_counter")
              .description("times the ZooKeeper connection became " + state)
              .register(registry));
    }
  }

  /** The gauge name for a state, {@code zk_connection_state_CONNECTED} and so on. */
  public static String gaugeName(ConnectionState state) {
    return "zk_connection_state_" + state.name();
  }

  @Override
  public void stateChanged(CuratorFramework client, ConnectionState newState) {
    current.set(newState);
    counters.get(newState).increment();
  }
}
