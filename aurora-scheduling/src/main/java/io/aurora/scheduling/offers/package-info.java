/**
 * Offers from Mesos while the scheduler holds them: {@link io.aurora.scheduling.offers.OfferBook}
 * keeps, declines (after the hold time plus jitter), rescinds and hands out offers, in the order
 * {@link io.aurora.scheduling.offers.OfferOrder} gives ({@code -offer_order}), as
 * {@link io.aurora.scheduling.offers.OfferOptions} say;
 * {@link io.aurora.scheduling.offers.HostOffers} turns a Mesos offer into a placement
 * {@link io.aurora.scheduling.filter.HostOffer}. Time comes from an injected {@link java.time.Clock}.
 */
package io.aurora.scheduling.offers;
