package io.aurora.scheduling.offers;

import io.aurora.scheduling.mesos.Driver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;

/**
 * The offers the scheduler holds, by offer id.
 *
 * <ul>
 *   <li>An offer is held until used, rescinded, or its hold time (plus a random jitter, so that
 *       offers from one burst are not all declined at once) has passed; {@link #declineExpired}
 *       then declines it with the filter duration.
 *   <li>A second offer for an agent whose offer is held makes both be declined, so the master
 *       can merge them into one (as Aurora does).
 *   <li>A rescind that arrives before its offer is remembered, and the offer is dropped on
 *       arrival.
 *   <li>{@link #take} removes offers that the scheduling loop is about to accept.
 * </ul>
 *
 * Thread-safe (one lock; every operation is short).
 */
public final class OfferBook {
  private static final int MAX_EARLY_RESCINDS = 10_000;

  private final Driver driver;
  private final Clock clock;
  private final Random random;
  private final OfferOptions options;
  private final Map<String, HeldOffer> byId = new LinkedHashMap<>();
  private final Map<String, String> offerByAgent = new HashMap<>();
  private final Set<String> earlyRescinds = new LinkedHashSet<>();

  public OfferBook(Driver driver, Clock clock, Random random, OfferOptions options) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Holds new offers. */
  public void add(Collection<Offer> offers) {
    List<OfferID> toDecline = new ArrayList<>();
    synchronized (this) {
      for (Offer offer : offers) {
        String id = offer.getId().getValue();
        if (earlyRescinds.remove(id) || byId.containsKey(id)) {
          continue;
        }
        String agent = offer.getAgentId().getValue();
        String previous = offerByAgent.remove(agent);
        if (previous != null) {
          byId.remove(previous);
          toDecline.add(OfferID.newBuilder().setValue(previous).build());
          toDecline.add(offer.getId());
          continue;
        }
        byId.put(id, new HeldOffer(offer, declineTime()));
        offerByAgent.put(agent, id);
      }
    }
    if (!toDecline.isEmpty()) {
      // Immediately re-offerable: the point is to get one merged offer back.
      driver.decline(toDecline, Filters.newBuilder().setRefuseSeconds(0).build());
    }
  }

  /** Drops a rescinded offer, or remembers the id if it has not arrived yet. */
  public synchronized void rescind(OfferID offerId) {
    HeldOffer held = byId.remove(offerId.getValue());
    if (held != null) {
      offerByAgent.remove(held.agentId());
      return;
    }
    earlyRescinds.add(offerId.getValue());
    if (earlyRescinds.size() > MAX_EARLY_RESCINDS) {
      earlyRescinds.remove(earlyRescinds.iterator().next());
    }
  }

  /** Forgets every offer (the master connection was lost, so they are void). */
  public synchronized void clear() {
    byId.clear();
    offerByAgent.clear();
    earlyRescinds.clear();
  }

  /** The held offers, oldest first. */
  public synchronized List<HeldOffer> offers() {
    return List.copyOf(byId.values());
  }

  /** The held offers in the order of {@link OfferOptions#order} ({@code -offer_order}). */
  public List<HeldOffer> ordered() {
    // Outside the lock: a sort of many offers must not hold up arriving offers.
    return OfferOrder.arrange(options.order(), offers(), random);
  }

  /** The held offer with this id. */
  public synchronized Optional<HeldOffer> get(String offerId) {
    return Optional.ofNullable(byId.get(offerId));
  }

  /** Removes and returns the offers with these ids that are still held. */
  public synchronized List<HeldOffer> take(Collection<String> offerIds) {
    List<HeldOffer> out = new ArrayList<>();
    for (String id : offerIds) {
      HeldOffer held = byId.remove(id);
      if (held != null) {
        offerByAgent.remove(held.agentId());
        out.add(held);
      }
    }
    return out;
  }

  /** Declines offers that are not held (e.g. that could not be recorded), with the filter. */
  public void decline(Collection<Offer> unheld) {
    List<OfferID> ids = new ArrayList<>();
    unheld.forEach(o -> ids.add(o.getId()));
    if (!ids.isEmpty()) {
      driver.decline(ids, filters());
    }
  }

  /** Declines offers whose hold time has passed; returns how many. */
  public int declineExpired() {
    Instant now = clock.instant();
    List<OfferID> expired = new ArrayList<>();
    synchronized (this) {
      for (HeldOffer held : List.copyOf(byId.values())) {
        if (!held.declineAt().isAfter(now)) {
          byId.remove(held.id());
          offerByAgent.remove(held.agentId());
          expired.add(held.offer().getId());
        }
      }
    }
    if (!expired.isEmpty()) {
      driver.decline(expired, filters());
    }
    return expired.size();
  }

  /** The filters for declines and accepts: {@code refuse_seconds} = the filter duration. */
  public Filters filters() {
    return Filters.newBuilder()
        .setRefuseSeconds(options.offerFilterDuration().toMillis() / 1000.0).build();
  }

  /** Number of held offers. */
  public synchronized int size() {
    return byId.size();
  }

  private Instant declineTime() {
    if (options.holdOffersForever()) {
      return Instant.MAX;
    }
    long jitterMs = options.offerHoldJitterWindow().toMillis();
    long extra = jitterMs == 0 ? 0 : (long) (random.nextDouble() * jitterMs);
    return clock.instant().plus(options.minOfferHoldTime()).plus(Duration.ofMillis(extra));
  }
}
