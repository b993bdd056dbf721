package io.aurora.scheduling.mesos;

import java.util.List;
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
 * Events from the Mesos master, delivered by a {@link Driver} from a single thread, in order.
 * Implementations should return quickly and hand real work to their own executor.
 */
public interface DriverListener {

  /**
   * The subscription is live (first event of every stream). The scheduler must store
   * {@code frameworkId} durably before relying on it and reconcile its tasks: offers and
   * unacknowledged updates from before a re-subscription are gone or will be re-sent.
   */
  void subscribed(FrameworkID frameworkId, MasterInfo masterInfo);

  /** New resource offers; each is held until accepted, declined or rescinded. */
  void offers(List<Offer> offers);

  /**
   * Inverse offers: the master asks for agents back for maintenance from their
   * {@code unavailability} start. The default ignores them.
   */
  default void inverseOffers(List<InverseOffer> inverseOffers) {
  }

  /** The master withdrew an offer; accepting it now would fail. */
  void rescinded(OfferID offerId);

  /**
   * An ACCEPT made through {@link Driver#accept} was not taken by the master: it answered with an
   * HTTP error (400, 403, 500, 503...), or the call never reached it (not subscribed, the
   * subscription ended before it was sent, the connection failed before it was written). Its
   * operations did not happen, so no status update will follow for the tasks they would have
   * launched, and its offers were not used (they may still be outstanding at the master).
   *
   * <p>Not called when the outcome is unknown (the connection broke after the call was written):
   * the master may have taken it, and status updates or reconciliation will tell. The default
   * does nothing, which leaves such tasks to the scheduler's transient-state timeout.
   *
   * @param reason why, for logs and task events
   */
  default void acceptFailed(List<OfferID> offerIds, List<Offer.Operation> operations,
      String reason) {
  }

  /**
   * A task changed state (or a reconciliation answer). Call {@link Driver#acknowledge} after
   * handling it durably; the agent re-sends it until then.
   */
  void statusUpdate(TaskStatus status);

  /**
   * An agent was removed (only {@code agentId} set) or an executor exited (both set,
   * {@code status} is its exit status when known). Task updates follow separately.
   */
  void failure(Optional<AgentID> agentId, Optional<ExecutorID> executorId, OptionalInt status);

  /**
   * A fatal error from the master, e.g. "Framework has been removed": the subscription is over
   * and will not be retried. The scheduler should log it and exit.
   */
  void error(String message);

  /**
   * The subscription stream was lost (master gone, heartbeats missed, stream broken). The driver
   * is re-subscribing with backoff; {@link #subscribed} follows when it succeeds.
   */
  void disconnected();
}
