package io.aurora.scheduling.runtime;

import io.aurora.gen.Attribute;
import io.aurora.gen.HostAttributes;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.DriverListener;
import io.aurora.scheduling.offers.HostOffers;
import io.aurora.scheduling.offers.OfferBook;
import io.aurora.scheduling.write.StateWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.InverseOffer;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Unavailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's {@link DriverListener}: stores the framework id and reconciles on subscription,
 * records host attributes and holds offers, forwards status updates to the batcher, hands ACCEPTs the
 * master did not take to {@link LaunchFailures}, drops offers on disconnection. Returns quickly; heavy work runs on the batcher's and the loop's executors.
 */
public final class SchedulerEvents implements DriverListener {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerEvents.class);

  private final StateWriter writer;
  private final OfferBook offers;
  private final StatusUpdateBatcher statusUpdates;
  private final Runnable onOffers;
  private final Runnable onSubscribed;
  private final Runnable onFatalError;
  private final Consumer<LaunchFailures.Failed> onLaunchFailed;
  private final Driver driver;
  private final BiConsumer<String, Long> onUnavailability;

  /**
   * @param onOffers called after new offers are held (kick the scheduling loop)
   * @param onSubscribed called after the framework id is stored (start reconciliation)
   * @param onFatalError called on a fatal master error (the process should exit)
   * @param onLaunchFailed called with an ACCEPT the master did not take (mark its tasks LOST,
   *     e.g. with {@link LaunchFailures#markLost}, off the driver's thread)
   */
  public SchedulerEvents(StateWriter writer, OfferBook offers, StatusUpdateBatcher statusUpdates,
      Runnable onOffers, Runnable onSubscribed, Runnable onFatalError,
      Consumer<LaunchFailures.Failed> onLaunchFailed) {
    this(writer, offers, statusUpdates, onOffers, onSubscribed, onFatalError, onLaunchFailed,
        null, (host, startMs) -> { });
  }

  /**
   * With Mesos maintenance: inverse offers are accepted through {@code driver} (null: ignored),
   * and each announced unavailability (of an offer or an inverse offer) goes to
   * {@code onUnavailability} as host and start (epoch ms).
   */
  public SchedulerEvents(StateWriter writer, OfferBook offers, StatusUpdateBatcher statusUpdates,
      Runnable onOffers, Runnable onSubscribed, Runnable onFatalError,
      Consumer<LaunchFailures.Failed> onLaunchFailed, Driver driver,
      BiConsumer<String, Long> onUnavailability) {
    this.driver = driver;
    this.onUnavailability = Objects.requireNonNull(onUnavailability, "onUnavailability");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.offers = Objects.requireNonNull(offers, "offers");
    this.statusUpdates = Objects.requireNonNull(statusUpdates, "statusUpdates");
    this.onOffers = Objects.requireNonNull(onOffers, "onOffers");
    this.onSubscribed = Objects.requireNonNull(onSubscribed, "onSubscribed");
    this.onFatalError = Objects.requireNonNull(onFatalError, "onFatalError");
    this.onLaunchFailed = Objects.requireNonNull(onLaunchFailed, "onLaunchFailed");
  }

  @Override
  public void subscribed(FrameworkID frameworkId, MasterInfo masterInfo) {
    writer.write((stores, changes) -> {
      if (!stores.schedulerStore().fetchFrameworkId().equals(Optional.of(frameworkId.getValue()))) {
        stores.schedulerStore().saveFrameworkId(frameworkId.getValue());
      }
      return null;
    });
    onSubscribed.run();
  }

  @Override
  public void offers(List<Offer> newOffers) {
    try {
      saveChangedAttributes(newOffers);
    } catch (RuntimeException e) {
      // Without stored attributes the hosts' maintenance modes are unknown: do not use them.
      LOG.warn("Could not store host attributes; declining {} offers", newOffers.size(), e);
      offers.decline(newOffers);
      return;
    }
    offers.add(newOffers);
    for (Offer o : newOffers) {
      if (o.hasUnavailability()) {
        onUnavailability.accept(o.getHostname(), startMs(o.getUnavailability()));
      }
    }
    onOffers.run();
  }

  /**
   * Accepts the inverse offers (Aurora agrees to every maintenance window and drains the agents
   * itself) and hands each agent's unavailability to maintenance by host name; an agent whose
   * host is not known yet has made no offer, so nothing of ours runs there.
   */
  @Override
  public void inverseOffers(List<InverseOffer> inverseOffers) {
    Map<String, String> hostByAgent = new java.util.HashMap<>();
    writer.storage().read(stores -> {
      for (HostAttributes a : stores.attributeStore().fetchHostAttributes()) {
        if (a.isSetSlaveId()) {
          hostByAgent.put(a.getSlaveId(), a.getHost());
        }
      }
      return null;
    });
    List<OfferID> ids = new ArrayList<>();
    for (InverseOffer o : inverseOffers) {
      ids.add(o.getId());
      String host = hostByAgent.get(o.getAgentId().getValue());
      if (host != null && o.hasUnavailability()) {
        onUnavailability.accept(host, startMs(o.getUnavailability()));
      }
    }
    if (driver != null && !ids.isEmpty()) {
      driver.acceptInverseOffers(ids, Filters.getDefaultInstance());
    }
  }

  private static long startMs(Unavailability u) {
    return u.getStart().getNanoseconds() / 1_000_000;
  }

  private void saveChangedAttributes(List<Offer> newOffers) {
    List<HostAttributes> changed = new ArrayList<>();
    writer.storage().read(stores -> {
      for (Offer o : newOffers) {
        HostAttributes fresh = attributes(o);
        Optional<HostAttributes> stored =
            stores.attributeStore().fetchHostAttributes(o.getHostname());
        if (stored.isEmpty() || !sameAttributes(stored.get(), fresh)) {
          changed.add(fresh);
        }
      }
      return null;
    });
    if (!changed.isEmpty()) {
      // One write for the whole batch, and none when nothing changed: no per-offer writes.
      writer.write((stores, changes) -> {
        changed.forEach(stores.attributeStore()::saveHostAttributes);
        return null;
      });
    }
  }

  @Override
  public void rescinded(OfferID offerId) {
    offers.rescind(offerId);
  }

  @Override
  public void acceptFailed(List<OfferID> offerIds, List<Offer.Operation> operations,
      String reason) {
    onLaunchFailed.accept(LaunchFailures.Failed.of(offerIds, operations, reason));
  }

  @Override
  public void statusUpdate(TaskStatus status) {
    statusUpdates.add(status);
  }

  @Override
  public void failure(Optional<AgentID> agentId, Optional<ExecutorID> executorId,
      OptionalInt status) {
    LOG.info("Mesos reported failure: agent {} executor {} status {}", agentId, executorId, status);
    statusUpdates.counters().failure(agentId, executorId, status);
  }

  @Override
  public void error(String message) {
    LOG.error("Fatal error from the Mesos master: {}", message);
    onFatalError.run();
  }

  @Override
  public void disconnected() {
    offers.clear();
  }

  private static HostAttributes attributes(Offer offer) {
    Set<Attribute> attrs = new HashSet<>();
    for (Map.Entry<String, Set<String>> e : HostOffers.attributes(offer).entrySet()) {
      attrs.add(new Attribute(e.getKey(), new HashSet<>(e.getValue())));
    }
    return new HostAttributes(offer.getHostname(), attrs).setSlaveId(offer.getAgentId().getValue());
  }

  private static boolean sameAttributes(HostAttributes stored, HostAttributes fresh) {
    return Objects.equals(stored.getAttributes(), fresh.getAttributes())
        && Objects.equals(stored.getSlaveId(), fresh.getSlaveId());
  }
}
