package io.aurora.storage;

/**
 * The stores of a write transaction, handed to {@link Storage.MutateWork}. Reads through these
 * stores see the transaction's own changes.
 */
public interface MutableStoreProvider extends StoreProvider {
  @Override
  TaskStore.Mutable taskStore();

  @Override
  JobStore.Mutable jobStore();

  @Override
  CronJobStore.Mutable cronJobStore();

  @Override
  QuotaStore.Mutable quotaStore();

  @Override
  AttributeStore.Mutable attributeStore();

  @Override
  JobUpdateStore.Mutable jobUpdateStore();

  @Override
  SchedulerStore.Mutable schedulerStore();

  @Override
  HostMaintenanceStore.Mutable hostMaintenanceStore();
}
