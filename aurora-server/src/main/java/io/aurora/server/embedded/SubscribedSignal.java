package io.aurora.server.embedded;

import io.aurora.scheduling.mesos.DriverListener;
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
 * A listener that passes every event to the runtime's and completes a future at the first
 * SUBSCRIBED, after the runtime has stored the framework id.
 */
final class SubscribedSignal implements DriverListener {
  private final DriverListener delegate;
  private final CompletableFuture<FrameworkID> subscribed = new CompletableFuture<>();

  SubscribedSignal(DriverListener delegate) {
    this.delegate = delegate;
  }

  /** Completes with the framework id at the first subscription. */
  CompletableFuture<FrameworkID> subscribed() {
    return subscribed;
  }

  @Override
  public void subscribed(FrameworkID frameworkId, MasterInfo masterInfo) {
    delegate.subscribed(frameworkId, masterInfo);
    subscribed.complete(frameworkId);
  }

  @Override
  public void offers(List<Offer> offers) {
    delegate.offers(offers);
  }

  @Override
  public void inverseOffers(List<InverseOffer> inverseOffers) {
    delegate.inverseOffers(inverseOffers);
  }

  @Override
  public void rescinded(OfferID offerId) {
    delegate.rescinded(offerId);
  }

  @Override
  public void acceptFailed(List<OfferID> offerIds, List<Offer.Operation> operations,
      String reason) {
    delegate.acceptFailed(offerIds, operations, reason);
  }

  @Override
  public void statusUpdate(TaskStatus status) {
    delegate.statusUpdate(status);
  }

  @Override
  public void failure(Optional<AgentID> agentId, Optional<ExecutorID> executorId,
      OptionalInt status) {
    delegate.failure(agentId, executorId, status);
  }

  @Override
  public void error(String message) {
    delegate.error(message);
  }

  @Override
  public void disconnected() {
    delegate.disconnected();
  }
}
