package io.aurora.server.flags;

import io.aurora.scheduling.JobOptions;
import io.aurora.scheduling.SchedulingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Every flag of {@code aurora-scheduler}, one group per feature. Later issues add a group (or a
 * flag to a group) and map it onto their module's option record.
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
  @Mixin private ExecutorFlags executor = new ExecutorFlags();

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

  /**
   * Checks the flags that have no option record yet (the log's and Mesos'), whose records will
   * check the same once they are wired in.
   *
   * @throws IllegalArgumentException naming the flag
   */
  public void checkUnmappedFlags() {
    storage.check();
    mesos.check();
  }

  /** aurora-scheduling's options. */
  public SchedulingOptions toSchedulingOptions() {
    return new SchedulingOptions(
        scheduling.toPlacementOptions(),
        scheduling.toReschedulingOptions(),
        scheduling.toOfferOptions(),
        scheduling.toTierOptions(),
        lifecycle.toLifecycleOptions(),
        lifecycle.toReconciliationOptions(),
        lifecycle.toPruningOptions(),
        new JobOptions(jobs.maxTasksPerJob(), jobs.allowedJobEnvironments(),
            executor.thermosExecutorCpu(), executor.thermosExecutorRam().bytes()));
  }
}
