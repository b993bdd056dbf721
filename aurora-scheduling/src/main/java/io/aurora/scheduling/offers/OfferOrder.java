package io.aurora.scheduling.offers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;

/**
 * A key by which held offers are ordered before each scheduling round ({@code -offer_order}).
 * Keys are compounded: the first key decides, later ones break its ties. The resource keys put
 * the smallest offer first, so tasks fill up agents that are already busy (bin packing), as in
 * Aurora; {@code RANDOM} spreads tasks over agents.
 *
 * <p>The order is taken once per round, when the round starts: within a round, offers that the
 * round has partly used keep their place.
 */
public enum OfferOrder {
  /** Fewest free (non-revocable) CPUs first. */
  CPU,
  /** Least free memory first. */
  MEMORY,
  /** Least free disk first. */
  DISK,
  /** Fewest revocable CPUs first. */
  REVOCABLE_CPU,
  /** A random order, drawn again for every round (Aurora's default). */
  RANDOM;

  /**
   * {@code offers} in the order {@code keys} give; ties keep the input order.
   *
   * @param random draws the {@link #RANDOM} order
   */
  public static List<HeldOffer> arrange(List<OfferOrder> keys, List<HeldOffer> offers,
      Random random) {
    List<HeldOffer> out = new ArrayList<>(offers);
    if (keys.isEmpty() || out.size() < 2) {
      return out;
    }
    // One draw from the caller's generator (a SecureRandom in the daemon) seeds a cheap one for
    // the many draws of a round.
    Random draws = new Random(random.nextLong());
    if (keys.size() == 1 && keys.get(0) == RANDOM) {
      // The default: a shuffle costs one pass, not a sort.
      Collections.shuffle(out, draws);
      return out;
    }
    // Every key of every offer computed once, not once per comparison.
    List<Keyed> keyed = new ArrayList<>(out.size());
    for (HeldOffer offer : out) {
      double[] values = new double[keys.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = keys.get(i).value(offer.offer(), draws);
      }
      keyed.add(new Keyed(offer, values));
    }
    keyed.sort(Keyed.ORDER);
    out.clear();
    keyed.forEach(k -> out.add(k.offer));
    return out;
  }

  private double value(Offer offer, Random random) {
    switch (this) {
      case CPU: return scalar(offer, "cpus", false);
      case MEMORY: return scalar(offer, "mem", false);
      case DISK: return scalar(offer, "disk", false);
      case REVOCABLE_CPU: return scalar(offer, "cpus", true);
      case RANDOM: return random.nextDouble();
      default: throw new AssertionError(this);
    }
  }

  private static double scalar(Offer offer, String name, boolean revocable) {
    double sum = 0;
    for (Resource r : offer.getResourcesList()) {
      if (r.hasRevocable() == revocable && r.getName().equals(name) && r.hasScalar()) {
        sum += r.getScalar().getValue();
      }
    }
    return sum;
  }

  /** An offer with its key values, in key order. */
  private static final class Keyed {
    static final Comparator<Keyed> ORDER = (a, b) -> {
      for (int i = 0; i < a.values.length; i++) {
        int c = Double.compare(a.values[i], b.values[i]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };

    final HeldOffer offer;
    final double[] values;

    Keyed(HeldOffer offer, double[] values) {
      this.offer = offer;
      this.values = values;
    }
  }
}
