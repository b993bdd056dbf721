package io.aurora.server.app;

import dagger.Module;
import dagger.Provides;
import io.aurora.gen.AuroraAdmin;
import io.aurora.scheduling.assign.TaskAssigner;
import io.aurora.scheduling.assign.TaskInfoBuilder;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.offers.OfferBook;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.runtime.SchedulerEvents;
import io.aurora.scheduling.runtime.SchedulingLoop;
import io.aurora.scheduling.runtime.StatusUpdateBatcher;
import io.aurora.scheduling.runtime.TaskTimers;
import io.aurora.scheduling.runtime.TimerQueue;
import io.aurora.scheduling.state.RescheduleCalculator;
import io.aurora.scheduling.state.StateManager;
import io.aurora.scheduling.state.TaskIds;
import io.aurora.scheduling.thrift.AdminApi;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.scheduling.thrift.JobsApi;
import io.aurora.scheduling.thrift.QuotaApi;
import io.aurora.scheduling.thrift.ReadApi;
import io.aurora.storage.Storage;
import io.aurora.storage.durable.DurableStorage;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * aurora-scheduling: the runtime (state manager, offers, loop, timers, status updates,
 * reconciliation), its Mesos listener and the Thrift API. Its classes carry no {@code @Inject},
 * so each is listed here once with its options record.
 */
@Module
public interface SchedulingBindings {
  @Provides
  @Singleton
  static RescheduleCalculator penalties(DaemonConfig config) {
    return new RescheduleCalculator(config.scheduling().rescheduling());
  }

  @Provides
  @Singleton
  static StateManager stateManager(Clock clock, RescheduleCalculator penalties, DaemonConfig config) {
    return new StateManager(clock, new TaskIds(), penalties, config.advertisedHost());
  }

  @Provides
  @Singleton
  static TimerQueue timers() {
    return new TimerQueue();
  }

  @Provides
  @Singleton
  static OfferBook offers(Driver driver, Clock clock, DaemonConfig config) {
    return new OfferBook(driver, clock, new SecureRandom(), config.scheduling().offers());
  }

  /** Tasks that become PENDING kick the loop (through a Provider: the loop needs the timers). */
  @Provides
  @Singleton
  static TaskTimers taskTimers(Storage storage, StateManager stateManager, Driver driver,
      Clock clock, TimerQueue timers, DaemonConfig config, RescheduleCalculator penalties,
      Provider<SchedulingRunner> runner) {
    return new TaskTimers(storage, stateManager, driver, clock, timers,
        config.scheduling().timers(), penalties, () -> runner.get().kick());
  }

  @Provides
  @Singleton
  static SchedulingLoop loop(Storage storage, StateManager stateManager, OfferBook offers,
      Driver driver, TaskTimers taskTimers, DaemonConfig config) {
    return new SchedulingLoop(storage, stateManager, offers,
        new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER),
        new TaskInfoBuilder(config.scheduling().executor()), config.scheduling().executor(),
        driver, taskTimers);
  }

  @Provides
  @Singleton
  static StatusUpdateBatcher statusUpdates(Storage storage, StateManager stateManager,
      Driver driver, TaskTimers taskTimers, DaemonThreads threads, DaemonConfig config) {
    return new StatusUpdateBatcher(storage, stateManager, driver, taskTimers,
        threads.statusUpdates, config.scheduling().statusUpdateBatchSize());
  }

  @Provides
  @Singleton
  static TaskReconciler reconciler(Storage storage, Driver driver, Clock clock, TimerQueue timers,
      DaemonConfig config) {
    return new TaskReconciler(storage, driver, clock, timers, config.scheduling().reconcile());
  }

  @Provides
  @Singleton
  static SchedulerEvents events(Storage storage, OfferBook offers, StatusUpdateBatcher updates,
      SchedulingRunner runner, MesosRegistration registration, ProcessGuard guard) {
    return new SchedulerEvents(storage, offers, updates, runner::kick, registration::onSubscribed,
        () -> guard.fail("fatal error from the Mesos master"));
  }

  @Provides
  @Singleton
  static AuroraAdmin.Iface api(DaemonConfig config, DurableStorage durable, Storage storage,
      StateManager stateManager, TaskTimers taskTimers, SchedulingLoop loop,
      TaskReconciler reconciler) {
    var options = config.scheduling().api();
    return new AuroraAdminService(options,
        new ReadApi(storage, options, loop::pendingReasons),
        new JobsApi(storage, stateManager, taskTimers, options),
        new QuotaApi(storage),
        new AdminApi(storage, stateManager, taskTimers, reconciler,
            Optional.<Runnable>of(durable::snapshot), config.scheduling().reconcile().explicitBatchSize()));
  }
}
