package io.aurora.scheduling.mesos;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.InverseOffer;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * A listener that passes every event on to another: extend it and override the events to watch
 * (calling {@code super}), so that an event added to {@link DriverListener} later reaches the
 * delegate without every wrapper being taught it (a wrapper that implements the interface itself
 * silently swallows any event with a default method).
 */
public abstract class ForwardingDriverListener implements DriverListener {
  private final DriverListener delegate;

  protected ForwardingDriverListener(DriverListener delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void subscribed(FrameworkID frameworkId, MasterInfo masterInfo) {
    delegate.subscribed(frameworkId, masterInfo);
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
