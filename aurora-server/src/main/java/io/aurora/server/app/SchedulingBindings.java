package io.aurora.server.app;

import com.google.common.base.Ticker;
import dagger.Module;
import dagger.Provides;
import io.aurora.gen.AuroraAdmin;
import io.aurora.scheduling.auth.AuditLog;
import io.aurora.scheduling.auth.Callers;
import io.aurora.scheduling.auth.SecuredApi;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.scheduling.thrift.BackupApi;
import io.aurora.storage.Storage;
import io.aurora.storage.durable.DurableStorage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

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

  /** The API as each caller may use it; state-changing calls go to the audit log. */
  @Provides
  @Singleton
  static SecuredApi securedApi(DaemonConfig config, DurableStorage durable, Storage storage,
      SchedulerRuntime runtime, MeterRegistry registry, ProcessGuard guard,
      DaemonThreads threads) {
    return new SecuredApi(AuroraAdminService.of(config.api(), storage, runtime,
        Optional.<Runnable>of(durable::snapshot),
        Optional.of(new BackupApi(durable, () -> restartAfterRecovery(guard, threads))), registry),
        AuditLog.toLogger());
  }

  /**
   * The API as the Thrift TCP port serves it. That port carries no credentials, so with
   * authentication on its callers are anonymous: they may read, and every state-changing call
   * gets AUTH_FAILED (docs/security.md, "The Thrift port").
   */
  @Provides
  @Singleton
  static AuroraAdmin.Iface api(SecuredApi secured, DaemonConfig config) {
    return secured.forCaller(config.auth().authenticates() ? Callers.ANONYMOUS : Callers.UNSECURED);
  }

  /**
   * How long a scheduler that committed a recovery keeps serving (refusing writes) before it
   * exits: long enough for the commit's response to reach the caller.
   */
  Duration RECOVERY_RESTART_DELAY = Duration.ofSeconds(1);

  /**
   * After a committed recovery this process's state is stale: it exits (status 1, so that its
   * supervisor starts it again) and gives up leadership; the next leader recovers the restored
   * state from the log, as Aurora's leader does after {@code commitRecovery}.
   */
  private static void restartAfterRecovery(ProcessGuard guard, DaemonThreads threads) {
    Runnable restart = () -> guard.restart("a recovery was committed; restarting so that the next"
        + " leader loads it from the log");
    try {
      threads.lifecycle.schedule(restart, RECOVERY_RESTART_DELAY.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      restart.run();
    }
  }
}
