package io.aurora.server.discovery;

import io.aurora.server.zk.CuratorClientFactory;
import io.aurora.server.zk.ZooKeeperConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;

/** One would-be scheduler in a test: its own ZooKeeper session, its election, its member data. */
final class Contender implements AutoCloseable {

  final String host;
  final ServiceInstance instance;
  final CuratorFramework client;
  final LeaderElection election;
  final AtomicInteger timesLeading = new AtomicInteger();
  final AtomicBoolean defeated = new AtomicBoolean();
  final AtomicBoolean sessionLost = new AtomicBoolean();
  private ServersetAnnouncer announcer;

  Contender(
      ZooKeeperConfig config, String serversetPath, String host, int httpPort, int thriftPort) {
    this.host = host;
    this.instance = ServiceInstance.scheduler(host, httpPort, "http", thriftPort);
    this.client =
        new CuratorClientFactory(new SimpleMeterRegistry())
            .start(config, () -> sessionLost.set(true));
    this.election =
        new LeaderElection(
            client,
            serversetPath,
            host,
            new LeaderElection.Listener() {
              @Override
              public void onLeading() {
                timesLeading.incrementAndGet();
              }

              @Override
              public void onDefeated() {
                defeated.set(true);
              }
            });
  }

  Contender start() {
    election.start();
    return this;
  }

  ServersetAnnouncer announce(String serversetPath) throws InterruptedException {
    announcer =
        ServersetAnnouncer.announce(client, serversetPath, instance, Duration.ofSeconds(10));
    return announcer;
  }

  /**
   * Ends the ZooKeeper session abruptly, as a killed process would: nothing is withdrawn first.
   * Curator logs a StackOverflowError from the orphaned PersistentNode here (see
   * ServersetAnnouncer); that is the simulated kill, not a failure.
   */
  void closeSession() {
    client.close();
  }

  @Override
  public void close() {
    election.close();
    if (announcer != null) {
      try {
        announcer.close();
      } catch (RuntimeException e) {
        // the session may already be gone
      }
    }
    client.close();
  }
}
