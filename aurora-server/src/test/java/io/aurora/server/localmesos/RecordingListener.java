package io.aurora.server.localmesos;

import io.aurora.scheduling.mesos.DriverListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.awaitility.Awaitility;

/** Records every event as a value, and lets tests wait for one. */
final class RecordingListener implements DriverListener {
  sealed interface Recorded permits Subscribed, Offers, Rescinded, Update, Failure, Error, Disconnected {}

  record Subscribed(FrameworkID frameworkId, MasterInfo masterInfo) implements Recorded {}

  record Offers(List<Offer> offers) implements Recorded {}

  record Rescinded(OfferID offerId) implements Recorded {}

  record Update(TaskStatus status) implements Recorded {}

  record Failure(Optional<AgentID> agentId) implements Recorded {}

  record Error(String message) implements Recorded {}

  record Disconnected() implements Recorded {}

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(10);
  private final List<Recorded> events = new ArrayList<>();
  private io.aurora.scheduling.mesos.Driver acknowledger;

  /** From now on, acknowledges every update through {@code driver}, like a scheduler would. */
  synchronized RecordingListener autoAcknowledge(io.aurora.scheduling.mesos.Driver driver) {
    this.acknowledger = driver;
    return this;
  }

  @Override
  public synchronized void subscribed(FrameworkID frameworkId, MasterInfo masterInfo) {
    add(new Subscribed(frameworkId, masterInfo));
  }

  @Override
  public synchronized void offers(List<Offer> offers) {
    add(new Offers(offers));
  }

  @Override
  public synchronized void rescinded(OfferID offerId) {
    add(new Rescinded(offerId));
  }

  @Override
  public synchronized void statusUpdate(TaskStatus status) {
    add(new Update(status));
    if (acknowledger != null) {
      acknowledger.acknowledge(status);
    }
  }

  @Override
  public synchronized void failure(
      Optional<AgentID> agentId, Optional<ExecutorID> executorId, OptionalInt status) {
    add(new Failure(agentId));
  }

  @Override
  public synchronized void error(String message) {
    add(new Error(message));
  }

  @Override
  public synchronized void disconnected() {
    add(new Disconnected());
  }

  private void add(Recorded event) {
    events.add(event);
  }

  synchronized List<Recorded> events() {
    return List.copyOf(events);
  }

  synchronized <T extends Recorded> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits until {@code count} events of the type match, and returns the last of them. */
  <T extends Recorded> T await(Class<T> type, Predicate<T> match, int count) {
    return Awaitility.await(count + " " + type.getSimpleName()).atMost(WAIT).pollInterval(POLL)
        .until(() -> all(type).stream().filter(match).toList(), matching -> matching.size() >= count)
        .get(count - 1);
  }

  <T extends Recorded> T await(Class<T> type) throws InterruptedException {
    return await(type, e -> true, 1);
  }

  /** Waits for an update of the task in the state. */
  TaskStatus awaitUpdate(TaskID taskId, TaskState state) throws InterruptedException {
    return await(Update.class, u -> u.status().getTaskId().equals(taskId)
        && u.status().getState() == state, 1).status();
  }

  /** Waits for offers and returns the first batch that arrives after {@code afterBatches}. */
  List<Offer> awaitOffers(int batch) throws InterruptedException {
    return await(Offers.class, o -> true, batch).offers();
  }
}
