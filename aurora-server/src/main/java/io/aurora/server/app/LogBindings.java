package io.aurora.server.app;

import dagger.Module;
import dagger.Provides;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.runtime.ReplicatedLogs;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;

/** aurora-log: this process's replica, registered in the ZooKeeper replica group. */
@Module
public interface LogBindings {
  /** Opening the replica binds its port and joins {@code -native_log_zk_group_path}. */
  @Provides
  @Singleton
  static ReplicatedLog log(DaemonConfig config, MeterRegistry registry, CuratorFramework curator,
      DaemonThreads threads) {
    return ReplicatedLogs.open(config.log(), registry, Optional.of(curator), threads.log);
  }
}
