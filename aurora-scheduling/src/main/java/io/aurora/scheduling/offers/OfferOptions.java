package io.aurora.scheduling.offers;

import java.time.Duration;
import java.util.Objects;

/**
 * How long offers are held and how declines are filtered.
 *
 * @param minOfferHoldTime hold an unused offer at least this long ({@code -min_offer_hold_time})
 * @param offerHoldJitterWindow plus a random extra up to this ({@code -offer_hold_jitter_window})
 * @param offerFilterDuration {@code refuse_seconds} of declines and accepts
 *     ({@code -offer_filter_duration})
 * @param holdOffersForever never decline unused offers ({@code -hold_offers_forever})
 */
public record OfferOptions(Duration minOfferHoldTime, Duration offerHoldJitterWindow,
    Duration offerFilterDuration, boolean holdOffersForever) {

  /** Aurora's defaults: 5 min, 1 min, 5 s, false. */
  public static final OfferOptions DEFAULTS = new OfferOptions(
      Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(5), false);

  public OfferOptions {
    Objects.requireNonNull(minOfferHoldTime, "minOfferHoldTime");
    Objects.requireNonNull(offerHoldJitterWindow, "offerHoldJitterWindow");
    Objects.requireNonNull(offerFilterDuration, "offerFilterDuration");
    if (minOfferHoldTime.isNegative() || offerHoldJitterWindow.isNegative()
        || offerFilterDuration.isNegative()) {
      throw new IllegalArgumentException("offer durations must be >= 0");
    }
  }
}
