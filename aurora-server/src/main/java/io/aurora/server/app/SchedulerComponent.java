package io.aurora.server.app;

import dagger.BindsInstance;
import dagger.Component;
import io.aurora.gen.AuroraAdmin;
import io.aurora.log.ReplicatedLog;
import io.aurora.storage.Storage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * The scheduler daemon, composed from its modules. Lists the binding modules and takes the
 * mapped options; everything else lives in the modules and {@link Lifecycle}.
 */
@Singleton
@Component(modules = {InfraModule.class, LogBindings.class, StorageBindings.class,
    MesosBindings.class, SchedulingBindings.class, HttpBindings.class})
public interface SchedulerComponent {
  /** Drives the process; see {@link Lifecycle#start()}. */
  Lifecycle lifecycle();

  /** Decides when and why the process ends. */
  ProcessGuard guard();

  /** The process's one registry (for tests and tools). */
  MeterRegistry registry();

  /** The storage (for tests and tools). */
  Storage storage();

  /**
   * The Thrift service as the Thrift port serves it: everything with authentication off, reads
   * only (an anonymous caller) with it on; {@code /api} serves each authenticated caller its own.
   */
  AuroraAdmin.Iface api();

  /** The replica of the replicated log (for tests and tools). */
  ReplicatedLog log();

  /** The owner of the daemon's threads (for tests: none may outlive a stop). */
  DaemonThreads threads();

  /** Builds the component from the mapped options. */
  @Component.Factory
  interface Factory {
    SchedulerComponent create(@BindsInstance DaemonConfig config);
  }

  /** The generated factory. */
  static Factory factory() {
    return DaggerSchedulerComponent.factory();
  }
}
