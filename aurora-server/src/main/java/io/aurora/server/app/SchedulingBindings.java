package io.aurora.server.app;

import com.google.common.base.Ticker;
import dagger.Module;
import dagger.Provides;
import io.aurora.gen.AuroraAdmin;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.storage.Storage;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * aurora-scheduling: the assembled runtime (standard placement filters, offers tried in the
 * order of {@code -offer_order}) and the Thrift API over it.
 */
@Module
public interface SchedulingBindings {
  @Provides
  @Singleton
  static SchedulerRuntime runtime(Storage storage, Driver driver, Clock clock, DaemonConfig config,
      ProcessGuard guard, MeterRegistry registry, DaemonThreads threads) {
    // Status update batches run on the shared background pool (-async_worker_threads), cron
    // trigger batches on the cron pool (-cron_scheduler_num_threads).
    return new SchedulerRuntime(storage, driver, clock, Ticker.systemTicker(), new SecureRandom(),
        config.scheduling(),
        FilterChain.standard(config.scheduling().maintenance().unavailabilityThreshold()),
        Scorer.OFFER_ORDER,
        () -> guard.fail("fatal error from the Mesos master"), registry, threads.async,
        threads.cron);
  }

  @Provides
  @Singleton
  static AuroraAdmin.Iface api(DaemonConfig config, DurableStorage durable, Storage storage,
      SchedulerRuntime runtime, MeterRegistry registry) {
    return AuroraAdminService.of(config.api(), storage, runtime,
        Optional.<Runnable>of(durable::snapshot), registry);
  }
}
