package io.aurora.scheduling.mesos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * A {@link Driver} for tests: records every call as the v1 {@link Call} the HTTP client would send
 * (built by {@link Calls}), and lets the test push events to the subscribed listener.
 *
 * <p>Events are delivered synchronously on the test's thread. Calls are recorded even when not
 * subscribed (then with the framework id {@code "unsubscribed"}), so a test can assert on them.
 */
public final class FakeDriver implements Driver {
  /** The framework id the fake assigns when subscribed without a stored one. */
  public static final FrameworkID DEFAULT_FRAMEWORK_ID =
      FrameworkID.newBuilder().setValue("fake-framework").build();
  private static final FrameworkID UNSUBSCRIBED =
      FrameworkID.newBuilder().setValue("unsubscribed").build();

  private final List<Call> calls = new ArrayList<>();
  private DriverListener listener;
  private FrameworkID frameworkId = UNSUBSCRIBED;
  private boolean stopped;
  private String acceptRefusal;

  @Override
  public synchronized void subscribe(Optional<FrameworkID> stored, DriverListener listener) {
    if (this.listener != null) {
      throw new IllegalStateException("FakeDriver already subscribed");
    }
    this.listener = listener;
    calls.add(Calls.subscribe(FrameworkInfo.newBuilder().setUser("test").setName("fake").build(),
        stored));
    frameworkId = stored.orElse(DEFAULT_FRAMEWORK_ID);
  }

  @Override
  public void accept(List<OfferID> offerIds, List<Offer.Operation> operations, Filters filters) {
    String refusal;
    DriverListener to;
    synchronized (this) {
      calls.add(Calls.accept(frameworkId, offerIds, operations, filters));
      refusal = acceptRefusal;
      to = listener;
    }
    // Outside the lock, as a real driver calls its listener from its own thread.
    if (refusal != null && to != null) {
      to.acceptFailed(offerIds, operations, refusal);
    }
  }

  /**
   * Makes every later ACCEPT fail as one the master did not take: it is recorded, then the
   * listener's {@link DriverListener#acceptFailed} is called with {@code reason}, synchronously.
   */
  public synchronized void refuseAccepts(String reason) {
    acceptRefusal = reason;
  }

  /** Undoes {@link #refuseAccepts}: later ACCEPTs are only recorded again. */
  public synchronized void takeAccepts() {
    acceptRefusal = null;
  }

  @Override
  public synchronized void decline(List<OfferID> offerIds, Filters filters) {
    calls.add(Calls.decline(frameworkId, offerIds, filters));
  }

  @Override
  public synchronized void acceptInverseOffers(List<OfferID> inverseOfferIds, Filters filters) {
    calls.add(Calls.acceptInverseOffers(frameworkId, inverseOfferIds, filters));
  }

  @Override
  public synchronized void kill(TaskID taskId, Optional<AgentID> agentId) {
    calls.add(Calls.kill(frameworkId, taskId, agentId));
  }

  @Override
  public synchronized void acknowledge(TaskStatus status) {
    Calls.acknowledge(frameworkId, status).ifPresent(calls::add);
  }

  @Override
  public synchronized void reconcile(List<Call.Reconcile.Task> tasks) {
    calls.add(Calls.reconcile(frameworkId, tasks));
  }

  @Override
  public synchronized void reconcileAll() {
    calls.add(Calls.reconcile(frameworkId, List.of()));
  }

  @Override
  public synchronized void revive(List<String> roles) {
    calls.add(Calls.revive(frameworkId, roles));
  }

  @Override
  public synchronized void suppress(List<String> roles) {
    calls.add(Calls.suppress(frameworkId, roles));
  }

  @Override
  public synchronized void teardown() {
    calls.add(Calls.teardown(frameworkId));
    stopped = true;
  }

  @Override
  public synchronized void stop() {
    stopped = true;
  }

  /** Every call so far, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one type, in order. */
  public synchronized List<Call> calls(Call.Type type) {
    return calls.stream().filter(c -> c.getType() == type).toList();
  }

  /** Forgets the recorded calls. */
  public synchronized void clearCalls() {
    calls.clear();
  }

  /** True after {@link #stop()} or {@link #teardown()}. */
  public synchronized boolean isStopped() {
    return stopped;
  }

  /** The listener given to {@link #subscribe}; fails if nobody subscribed yet. */
  public synchronized DriverListener listener() {
    if (listener == null) {
      throw new IllegalStateException("nobody subscribed to the FakeDriver");
    }
    return listener;
  }

  /** Delivers SUBSCRIBED with the fake's framework id and a loopback master. */
  public void deliverSubscribed() {
    FrameworkID id;
    synchronized (this) {
      id = frameworkId;
    }
    listener().subscribed(id, MasterInfo.newBuilder()
        .setId("fake-master").setIp(0x0100007f).setPort(5050).setHostname("localhost").build());
  }

  /** Delivers OFFERS. */
  public void deliverOffers(List<Offer> offers) {
    listener().offers(offers);
  }

  /** Delivers RESCIND. */
  public void deliverRescind(OfferID offerId) {
    listener().rescinded(offerId);
  }

  /** Delivers UPDATE. */
  public void deliverUpdate(TaskStatus status) {
    listener().statusUpdate(status);
  }

  /** Delivers FAILURE of an agent. */
  public void deliverAgentFailure(AgentID agentId) {
    listener().failure(Optional.of(agentId), Optional.empty(), OptionalInt.empty());
  }

  /** Delivers FAILURE of an executor. */
  public void deliverExecutorFailure(AgentID agentId, ExecutorID executorId, int status) {
    listener().failure(Optional.of(agentId), Optional.of(executorId), OptionalInt.of(status));
  }

  /** Delivers ERROR. */
  public void deliverError(String message) {
    listener().error(message);
  }

  /** Delivers a lost connection. */
  public void deliverDisconnected() {
    listener().disconnected();
  }
}
