package io.aurora.storage;

/** The read-only stores of one consistent version, handed to {@link Storage.Work}. */
public interface StoreProvider {
  TaskStore taskStore();

  JobStore jobStore();

  CronJobStore cronJobStore();

  QuotaStore quotaStore();

  AttributeStore attributeStore();

  JobUpdateStore jobUpdateStore();

  SchedulerStore schedulerStore();

  HostMaintenanceStore hostMaintenanceStore();
}
