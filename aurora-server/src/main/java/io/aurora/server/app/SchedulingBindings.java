package io.aurora.server.app;

import dagger.Module;
import dagger.Provides;
import io.aurora.gen.AuroraAdmin;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.scheduling.thrift.AdminApi;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.scheduling.thrift.JobsApi;
import io.aurora.scheduling.thrift.QuotaApi;
import io.aurora.scheduling.thrift.ReadApi;
import io.aurora.scheduling.thrift.UpdateReadApi;
import io.aurora.scheduling.thrift.UpdatesApi;
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
    // Status update batches run on the shared background pool (-async_worker_threads).
    return new SchedulerRuntime(storage, driver, clock, new SecureRandom(),
        config.scheduling(), FilterChain.standard(), Scorer.OFFER_ORDER,
        () -> guard.fail("fatal error from the Mesos master"), registry, threads.async);
  }

  @Provides
  @Singleton
  static AuroraAdmin.Iface api(DaemonConfig config, DurableStorage durable, Storage storage,
      SchedulerRuntime runtime, MeterRegistry registry) {
    ApiOptions options = config.api();
    return new AuroraAdminService(options,
        new ReadApi(storage, options, runtime.loop()::pendingReasons),
        new UpdateReadApi(storage),
        new JobsApi(runtime.writer(), options),
        new UpdatesApi(runtime.updates(), options),
        new QuotaApi(storage),
        new AdminApi(runtime.writer(), runtime.reconciler(), Optional.<Runnable>of(durable::snapshot),
            runtime.reconcileBatchSize()),
        registry);
  }
}
