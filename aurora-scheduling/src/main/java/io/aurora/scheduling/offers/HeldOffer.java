package io.aurora.scheduling.offers;

import java.time.Instant;
import java.util.Objects;
import org.apache.mesos.v1.Protos.Offer;

/**
 * An offer the scheduler holds and when it will be declined if still unused.
 *
 * @param offer the Mesos offer
 * @param declineAt when to decline it ({@link Instant#MAX} to hold forever)
 */
public record HeldOffer(Offer offer, Instant declineAt) {
  public HeldOffer {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(declineAt, "declineAt");
  }

  /** The offer id's value. */
  public String id() {
    return offer.getId().getValue();
  }

  /** The agent id's value. */
  public String agentId() {
    return offer.getAgentId().getValue();
  }
}
