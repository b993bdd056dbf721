package io.aurora.scheduling.mesos;

import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * The scheduler's side of its connection to a Mesos master: the v1 scheduler calls.
 *
 * <p>All calls are asynchronous and fire-and-forget, like the v1 API itself: their outcome arrives
 * (or does not) as events on the {@link DriverListener}; only an ACCEPT that the master did not
 * take is reported as such ({@link DriverListener#acceptFailed}). Calls made while not subscribed are dropped
 * with a log line, because the master would answer them 403 anyway; the scheduler recovers through
 * reconciliation after the next {@link DriverListener#subscribed}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Driver {

  /**
   * Starts subscribing and keeps the subscription alive until {@link #stop()} or {@link #teardown()}:
   * discovers the leading master, sends SUBSCRIBE and re-subscribes with backoff after a broken
   * stream. Events are delivered to {@code listener} from one thread, in stream order.
   *
   * @param frameworkId the id stored from an earlier {@link DriverListener#subscribed} (a failover),
   *     or empty to register a new framework
   * @throws IllegalStateException if already started
   */
  void subscribe(Optional<FrameworkID> frameworkId, DriverListener listener);

  /**
   * Readies what a later {@link #subscribe} needs, without subscribing or calling the master:
   * a standby calls this while it follows, so that the first connection to the master and the
   * first run of the HTTP code are not on a takeover's path. Returns at once; failures are only
   * logged. The default does nothing.
   */
  default void prepare() {
  }

  /**
   * Accepts offers (all from one agent) with operations, usually LAUNCH; unused resources are
   * declined with {@code filters}. If the master does not take the call (an HTTP error, or the call
   * never reached it), {@link DriverListener#acceptFailed} says so, from the listener's thread.
   */
  void accept(List<OfferID> offerIds, List<Offer.Operation> operations, Filters filters);

  /** Declines offers; {@code filters.refuse_seconds} keeps their resources away for that long. */
  void decline(List<OfferID> offerIds, Filters filters);

  /**
   * Accepts inverse offers: the framework agrees to the maintenance they announce (it drains the
   * agents itself). The default drops the call, for drivers of masters without maintenance.
   */
  default void acceptInverseOffers(List<OfferID> inverseOfferIds, Filters filters) {
  }

  /** Asks the master to kill a task; the outcome arrives as a status update. */
  void kill(TaskID taskId, Optional<AgentID> agentId);

  /**
   * Acknowledges a status update once the scheduler has durably handled it. Sends ACKNOWLEDGE only
   * if the update carries a {@code uuid} (agent-generated, retried until acknowledged); updates
   * without one (master-generated, e.g. reconciliation answers) must not be acknowledged, so this
   * is then a no-op.
   */
  void acknowledge(TaskStatus status);

  /**
   * Explicit reconciliation: asks for the latest state of each task. Unknown tasks are answered
   * with TASK_LOST (or TASK_GONE/UNKNOWN... when partition aware); tasks on recovering agents get
   * no answer, so the caller retries with backoff.
   */
  void reconcile(List<Call.Reconcile.Task> tasks);

  /** Implicit reconciliation: the master answers with one update per task it knows of. */
  void reconcileAll();

  /** Un-suppresses offers for the roles (empty = all) and clears their decline filters. */
  void revive(List<String> roles);

  /** Stops offers for the roles (empty = all); status updates keep flowing. */
  void suppress(List<String> roles);

  /**
   * Removes the framework from Mesos: every task is killed. Irreversible; also stops the driver.
   */
  void teardown();

  /**
   * Closes the subscription without tearing the framework down, so that another scheduler
   * instance can fail over to it within the failover timeout. Idempotent.
   */
  void stop();
}
