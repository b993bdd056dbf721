package io.aurora.server.app;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.aurora.log.ReplicatedLog;
import io.aurora.storage.Storage;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;

/** aurora-storage: the durable storage over the replicated log. */
@Module
public interface StorageBindings {
  @Binds
  Storage storage(DurableStorage durable);

  @Provides
  @Singleton
  static DurableStorage durable(ReplicatedLog log, DaemonConfig config, Clock clock,
      DaemonThreads threads, MeterRegistry registry) {
    return new DurableStorage(log, config.storage(), clock, threads.storage, threads.commit,
        registry);
  }
}
