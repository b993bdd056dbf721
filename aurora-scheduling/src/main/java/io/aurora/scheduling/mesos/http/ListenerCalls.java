package io.aurora.scheduling.mesos.http;

import io.aurora.scheduling.mesos.DriverListener;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * The {@link DriverListener} call for an event that only informs the scheduler (OFFERS,
 * INVERSE_OFFERS, RESCIND, UPDATE, FAILURE); the events that change the driver's own state (SUBSCRIBED, ERROR, HEARTBEAT)
 * are the driver's.
 */
final class ListenerCalls {
  private ListenerCalls() {}

  /** The call for {@code event}, or empty if it is not one of the informing events. */
  static Optional<Consumer<DriverListener>> of(Event event) {
    switch (event.getType()) {
      case OFFERS:
        return Optional.of(l -> l.offers(event.getOffers().getOffersList()));
      case INVERSE_OFFERS:
        return Optional.of(l -> l.inverseOffers(event.getInverseOffers().getInverseOffersList()));
      case RESCIND:
        return Optional.of(l -> l.rescinded(event.getRescind().getOfferId()));
      case UPDATE:
        return Optional.of(l -> l.statusUpdate(event.getUpdate().getStatus()));
      case FAILURE:
        Event.Failure f = event.getFailure();
        Optional<AgentID> agent = f.hasAgentId() ? Optional.of(f.getAgentId()) : Optional.empty();
        Optional<ExecutorID> executor =
            f.hasExecutorId() ? Optional.of(f.getExecutorId()) : Optional.empty();
        OptionalInt status = f.hasStatus() ? OptionalInt.of(f.getStatus()) : OptionalInt.empty();
        return Optional.of(l -> l.failure(agent, executor, status));
      default:
        return Optional.empty();
    }
  }
}
