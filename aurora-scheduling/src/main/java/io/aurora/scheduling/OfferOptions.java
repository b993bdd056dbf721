package io.aurora.scheduling;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How offers from Mesos are held, ordered and declined.
 *
 * @param minOfferHoldTime an unused offer is held at least this long before it is declined
 *     ({@code -min_offer_hold_time})
 * @param offerHoldJitterWindow a random extra hold of up to this, so offers do not all expire at
 *     once ({@code -offer_hold_jitter_window})
 * @param holdOffersForever never decline unused offers ({@code -hold_offers_forever})
 * @param offerFilterDuration how long Mesos should not re-offer declined resources
 *     ({@code -offer_filter_duration})
 * @param offerOrder keys by which offers are tried, most significant first ({@code -offer_order})
 * @param offerStaticBanCacheMaxSize how many (offer, task group) static vetoes are remembered
 *     ({@code -offer_static_ban_cache_max_size})
 * @param unavailabilityThreshold how long before a host's announced unavailability its tasks are
 *     drained ({@code -unavailability_threshold})
 * @param offerReservationDuration how long an agent stays reserved for the task group that
 *     preempted on it ({@code -offer_reservation_duration})
 */
public record OfferOptions(
    Duration minOfferHoldTime,
    Duration offerHoldJitterWindow,
    boolean holdOffersForever,
    Duration offerFilterDuration,
    List<OfferOrder> offerOrder,
    long offerStaticBanCacheMaxSize,
    Duration unavailabilityThreshold,
    Duration offerReservationDuration) {
  public OfferOptions {
    Objects.requireNonNull(minOfferHoldTime, "minOfferHoldTime");
    Objects.requireNonNull(offerHoldJitterWindow, "offerHoldJitterWindow");
    Objects.requireNonNull(offerFilterDuration, "offerFilterDuration");
    Objects.requireNonNull(unavailabilityThreshold, "unavailabilityThreshold");
    Objects.requireNonNull(offerReservationDuration, "offerReservationDuration");
    offerOrder = List.copyOf(offerOrder);
    checkArgument(!minOfferHoldTime.isNegative(),
        "-min_offer_hold_time must not be negative, got %s", minOfferHoldTime);
    checkArgument(!offerHoldJitterWindow.isNegative(),
        "-offer_hold_jitter_window must not be negative, got %s", offerHoldJitterWindow);
    checkArgument(!offerFilterDuration.isNegative(),
        "-offer_filter_duration must not be negative, got %s", offerFilterDuration);
    checkArgument(!offerOrder.isEmpty(), "-offer_order must name at least one order");
    checkArgument(offerStaticBanCacheMaxSize >= 0,
        "-offer_static_ban_cache_max_size must not be negative, got %s", offerStaticBanCacheMaxSize);
    checkArgument(!unavailabilityThreshold.isNegative(),
        "-unavailability_threshold must not be negative, got %s", unavailabilityThreshold);
    checkArgument(!offerReservationDuration.isNegative(),
        "-offer_reservation_duration must not be negative, got %s", offerReservationDuration);
  }
}
