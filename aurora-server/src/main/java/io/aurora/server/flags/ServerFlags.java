package io.aurora.server.flags;

import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.thrift.ApiOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Every flag of {@code aurora-scheduler}, one group per feature. Each group builds the option
 * records of the code that reads its flags ({@code toXxx()}); the records that need flags of two
 * groups are built here. Later issues add a group (or a flag to a group) and its {@code toXxx()}.
 */
@Command(name = "aurora-scheduler")
public final class ServerFlags {
  @Mixin private CoreFlags core = new CoreFlags();
  @Mixin private ZooKeeperFlags zooKeeper = new ZooKeeperFlags();
  @Mixin private MesosFlags mesos = new MesosFlags();
  @Mixin private StorageFlags storage = new StorageFlags();
  @Mixin private SchedulingFlags scheduling = new SchedulingFlags();
  @Mixin private LifecycleFlags lifecycle = new LifecycleFlags();
  @Mixin private JobFlags jobs = new JobFlags();
  @Mixin private CronFlags cron = new CronFlags();
  @Mixin private MaintenanceFlags maintenance = new MaintenanceFlags();
  @Mixin private ExecutorFlags executor = new ExecutorFlags();
  @Mixin private PreemptionFlags preemption = new PreemptionFlags();
  @Mixin private SecurityFlags security = new SecurityFlags();

  /** A parser for these flags. */
  public static FlagParser parser() {
    return new FlagParser("Other");
  }

  public CoreFlags core() {
    return core;
  }

  public ZooKeeperFlags zooKeeper() {
    return zooKeeper;
  }

  public MesosFlags mesos() {
    return mesos;
  }

  public StorageFlags storage() {
    return storage;
  }

  public SchedulingFlags scheduling() {
    return scheduling;
  }

  public LifecycleFlags lifecycle() {
    return lifecycle;
  }

  public SecurityFlags security() {
    return security;
  }

  /**
   * Checks every flag by building every record that needs nothing resolved at start (the
   * embedded services' addresses, this machine's name), so a mistake stops the scheduler before
   * anything starts.
   *
   * @throws IllegalArgumentException naming the flag
   */
  public void check() {
    zooKeeper.check();
    storage.check();
    storage.toStorageOptions();
    mesos.check();
    mesos.toFrameworkOptions(core.hostname());
    core.toAdminServerConfig();
    toSchedulerRuntimeOptions("localhost");
    toApiOptions();
    security.check();
  }

  /**
   * The scheduling runtime's options.
   *
   * @param schedulerHost the advertised host, recorded in task events
   */
  public SchedulerRuntimeOptions toSchedulerRuntimeOptions(String schedulerHost) {
    return new SchedulerRuntimeOptions(
        schedulerHost,
        executor.toExecutorSettings(),
        scheduling.toOfferOptions(),
        scheduling.toRescheduleOptions(),
        lifecycle.toTimerOptions(),
        lifecycle.toReconcileOptions(),
        lifecycle.toPruneOptions(),
        lifecycle.maxStatusUpdateBatchSize(),
        SchedulerRuntimeOptions.SCHEDULING_INTERVAL,
        SchedulerRuntimeOptions.TIMER_TICK,
        scheduling.toPlacementOptions(),
        scheduling.maxRescheduleTaskDelayOnStartup(),
        lifecycle.toUpdateOptions(scheduling.updateAffinity(), scheduling.updateAffinityHoldTime()),
        cron.toCronOptions(),
        scheduling.toRevocability(),
        preemption.toPreemptionOptions(scheduling.tiers()),
        maintenance.toMaintenanceOptions(scheduling.unavailabilityThreshold()));
  }

  /** The Thrift API's settings, with the tiers of {@code -tier_config}. */
  public ApiOptions toApiOptions() {
    return new ApiOptions(core.clusterName(), core.vizJobUrlPrefix(), jobs.allowedJobEnvironments(),
        jobs.maxTasksPerJob(), scheduling.tiers(), jobs.maxUpdateInstanceFailures(),
        maintenance.maxSlaDuration());
  }
}
