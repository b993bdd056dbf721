package io.aurora.server.app;

import dagger.Module;
import dagger.Provides;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.runtime.ReplicatedLogs;
import io.aurora.log.storage.LogStorageException;
import io.aurora.log.transport.TransportException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;

/** aurora-log: this process's replica, registered in the ZooKeeper replica group. */
@Module
public interface LogBindings {
  /**
   * Opening the replica binds its port and joins {@code -native_log_zk_group_path}. A directory
   * it cannot use or a port in use is a {@link StartupFault}.
   */
  @Provides
  @Singleton
  static ReplicatedLog log(DaemonConfig config, MeterRegistry registry, CuratorFramework curator,
      DaemonThreads threads) {
    try {
      return ReplicatedLogs.open(config.log(), registry, Optional.of(curator), threads.log);
    } catch (LogStorageException e) {
      throw StartupFaults.logDirectory(config.log().dataDir(), e);
    } catch (TransportException e) {
      throw StartupFaults.port(e, "LIBPROCESS_PORT", config.log().localAddress().toString());
    }
  }
}
