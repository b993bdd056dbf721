package io.aurora.http.redirect;

import java.util.Optional;

/**
 * This process's view of scheduler leadership, supplied by the daemon (from the serverset in
 * ZooKeeper). Both methods are called on Undertow IO threads for every leader-only request, so
 * they must be cheap and non-blocking (read a cached value).
 */
public interface LeaderLocator {
  /** True when this process is the leader and serves leader-only pages itself. */
  boolean isLeader();

  /**
   * The leader's HTTP endpoint when another process leads; empty when this process leads or when
   * no leader is known (none, several, or not yet read).
   */
  Optional<LeaderEndpoint> otherLeader();
}
