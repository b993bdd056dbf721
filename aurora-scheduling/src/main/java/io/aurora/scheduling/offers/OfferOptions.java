package io.aurora.scheduling.offers;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How offers are held, ordered and declined, and how many static placement answers about them
 * are remembered. {@link OfferBook} reads the hold, filter and order; the assigner reads the
 * cache size.
 *
 * @param minOfferHoldTime hold an unused offer at least this long ({@code -min_offer_hold_time})
 * @param offerHoldJitterWindow plus a random extra up to this ({@code -offer_hold_jitter_window})
 * @param offerFilterDuration {@code refuse_seconds} of declines and accepts
 *     ({@code -offer_filter_duration})
 * @param holdOffersForever never decline unused offers ({@code -hold_offers_forever})
 * @param order the keys offers are tried by, most significant first ({@code -offer_order})
 * @param staticBanCacheMaxSize how many (task group, offer) answers of the static placement
 *     checks are remembered ({@code -offer_static_ban_cache_max_size})
 */
public record OfferOptions(Duration minOfferHoldTime, Duration offerHoldJitterWindow,
    Duration offerFilterDuration, boolean holdOffersForever, List<OfferOrder> order,
    long staticBanCacheMaxSize) {

  /** Aurora's defaults: 5 min, 1 min, 5 s, false, RANDOM, unbounded. */
  public static final OfferOptions DEFAULTS = new OfferOptions(
      Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(5), false);

  public OfferOptions {
    Objects.requireNonNull(minOfferHoldTime, "minOfferHoldTime");
    Objects.requireNonNull(offerHoldJitterWindow, "offerHoldJitterWindow");
    Objects.requireNonNull(offerFilterDuration, "offerFilterDuration");
    order = List.copyOf(order);
    checkArgument(!minOfferHoldTime.isNegative(),
        "-min_offer_hold_time must not be negative, got %s", minOfferHoldTime);
    checkArgument(!offerHoldJitterWindow.isNegative(),
        "-offer_hold_jitter_window must not be negative, got %s", offerHoldJitterWindow);
    checkArgument(!offerFilterDuration.isNegative(),
        "-offer_filter_duration must not be negative, got %s", offerFilterDuration);
    checkArgument(!order.isEmpty(), "-offer_order must name at least one order");
    checkArgument(staticBanCacheMaxSize >= 0,
        "-offer_static_ban_cache_max_size must not be negative, got %s", staticBanCacheMaxSize);
  }

  /** Hold and filter settings with Aurora's default order (RANDOM) and an unbounded cache. */
  public OfferOptions(Duration minOfferHoldTime, Duration offerHoldJitterWindow,
      Duration offerFilterDuration, boolean holdOffersForever) {
    this(minOfferHoldTime, offerHoldJitterWindow, offerFilterDuration, holdOffersForever,
        List.of(OfferOrder.RANDOM), Long.MAX_VALUE);
  }
}
