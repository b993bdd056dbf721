package io.aurora.server.app;

import io.aurora.scheduling.mesos.DriverListener;
import io.aurora.scheduling.mesos.ForwardingDriverListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.MasterInfo;

/**
 * Whether the framework is subscribed to Mesos, as Aurora's {@code framework_registered} gauge (1
 * while subscribed, 0 before and after a disconnection), and a future that completes at the first
 * subscription (its id stored), after which the lifecycle reconciles, schedules and announces.
 */
@Singleton
public final class MesosRegistration {
  private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
  private volatile boolean registered;

  @Inject
  public MesosRegistration(MeterRegistry registry) {
    Gauge.builder("framework_registered", this, self -> self.registered ? 1 : 0).register(registry);
  }

  /** Called once the framework id is stored. */
  void onSubscribed() {
    subscribed.complete(null);
  }

  CompletableFuture<Void> subscribed() {
    return subscribed;
  }

  /** {@code listener}, with the gauge kept up to date around it. */
  DriverListener tracking(DriverListener listener) {
    return new ForwardingDriverListener(listener) {
      @Override
      public void subscribed(FrameworkID frameworkId, MasterInfo masterInfo) {
        super.subscribed(frameworkId, masterInfo);
        registered = true;
        onSubscribed();
      }

      @Override
      public void error(String message) {
        registered = false;
        super.error(message);
      }

      @Override
      public void disconnected() {
        registered = false;
        super.disconnected();
      }
    };
  }
}
