package io.aurora.server.app;

import io.aurora.scheduling.mesos.DriverListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.InverseOffer;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskStatus;

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
    return new DriverListener() {
      @Override
      public void subscribed(FrameworkID frameworkId, MasterInfo masterInfo) {
        listener.subscribed(frameworkId, masterInfo);
        registered = true;
        onSubscribed();
      }

      @Override
      public void offers(List<Offer> offers) {
        listener.offers(offers);
      }

      @Override
      public void inverseOffers(List<InverseOffer> inverseOffers) {
        listener.inverseOffers(inverseOffers);
      }

      @Override
      public void rescinded(OfferID offerId) {
        listener.rescinded(offerId);
      }

      @Override
      public void acceptFailed(List<OfferID> offerIds, List<Offer.Operation> operations,
          String reason) {
        listener.acceptFailed(offerIds, operations, reason);
      }

      @Override
      public void statusUpdate(TaskStatus status) {
        listener.statusUpdate(status);
      }

      @Override
      public void failure(Optional<AgentID> agentId, Optional<ExecutorID> executorId,
          OptionalInt status) {
        listener.failure(agentId, executorId, status);
      }

      @Override
      public void error(String message) {
        registered = false;
        listener.error(message);
      }

      @Override
      public void disconnected() {
        registered = false;
        listener.disconnected();
      }
    };
  }
}
