package io.aurora.server.zk;

/**
 * Told once when the ZooKeeper session is LOST (expired, or unreachable for longer than the session
 * timeout). The daemon exits here: its leadership and serverset node are gone, and a supervisor
 * restarts it with a fresh session. SUSPENDED (a short disconnection) is not a loss.
 */
@FunctionalInterface
public interface SessionLossListener {

  /** Called on a Curator event thread; implementations should hand off anything slow. */
  void sessionLost();
}
