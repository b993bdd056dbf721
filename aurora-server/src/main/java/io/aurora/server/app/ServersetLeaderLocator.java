package io.aurora.server.app;

import io.aurora.http.redirect.LeaderEndpoint;
import io.aurora.http.redirect.LeaderLocator;
import io.aurora.server.discovery.Endpoint;
import io.aurora.server.discovery.ServersetMonitor;
import io.aurora.server.discovery.ServiceInstance;
import java.util.Optional;

/**
 * Leadership as the HTTP server needs it: this process leads once ACTIVE; otherwise the leader is
 * the single serverset member, reached at its HTTP endpoint ({@code -serverset_endpoint_name}).
 * Both answers read cached state (the monitor's watch), as {@link LeaderLocator} requires.
 */
final class ServersetLeaderLocator implements LeaderLocator {
  private final ServersetMonitor monitor;
  private final SchedulerState state;
  private final String endpointName;

  ServersetLeaderLocator(ServersetMonitor monitor, SchedulerState state, String endpointName) {
    this.monitor = monitor;
    this.state = state;
    this.endpointName = endpointName;
  }

  @Override
  public boolean isLeader() {
    return state.isActive();
  }

  @Override
  public Optional<LeaderEndpoint> otherLeader() {
    if (isLeader()) {
      return Optional.empty();
    }
    return monitor.leader().map(this::http)
        .filter(e -> e.port() > 0)
        .map(e -> new LeaderEndpoint(e.host(), e.port()));
  }

  private Endpoint http(ServiceInstance leader) {
    return leader.additionalEndpoints().getOrDefault(endpointName, leader.serviceEndpoint());
  }
}
