package io.aurora.storage;

import java.util.Optional;

/** Scheduler metadata: the framework id Mesos gave us. */
public interface SchedulerStore {
  Optional<String> fetchFrameworkId();

  /** Metadata mutations of a write transaction. */
  interface Mutable extends SchedulerStore {
    void saveFrameworkId(String frameworkId);
  }
}
