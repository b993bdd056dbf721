package io.aurora.server.app;

import com.google.common.base.Ticker;
import dagger.Module;
import dagger.Provides;
import io.aurora.server.zk.CuratorClientFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.apache.curator.framework.CuratorFramework;

/** Third-party objects: the one meter registry, the clocks and the ZooKeeper client. */
@Module
public interface InfraModule {
  /**
   * A composite with its Prometheus child added before any meter exists: a composite without
   * children drops recordings, and a child added later starts every earlier meter from zero.
   */
  @Provides
  @Singleton
  static MeterRegistry registry() {
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    return composite;
  }

  @Provides
  @Singleton
  static Clock clock() {
    return Clock.systemUTC();
  }

  /** Monotonic time, for deadlines that a stepped wall clock must not move. */
  @Provides
  @Singleton
  static Ticker ticker() {
    return Ticker.systemTicker();
  }

  /**
   * Started and connected here, before anything uses it: the log's replica registration and the
   * storage would otherwise retry against an unreachable ensemble for as long as the process
   * lives. Not connected within {@code -zk_connection_timeout} is a {@link StartupFault}. Losing
   * the session later ends the process.
   */
  @Provides
  @Singleton
  static CuratorFramework curator(DaemonConfig config, MeterRegistry registry, ProcessGuard guard) {
    CuratorFramework curator = new CuratorClientFactory(registry).start(config.zooKeeper(),
        () -> guard.fail("ZooKeeper session lost"));
    ZooKeeperConnection.await(curator, config.zooKeeper());
    return curator;
  }
}
