package io.aurora.scheduling.rank;

import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.TaskRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** An offer with its score for one task group. */
public record RankedOffer(HostOffer offer, double score) {

  public RankedOffer {
    Objects.requireNonNull(offer, "offer");
  }

  /** {@code offers} ordered by {@code scorer}, best first; ties keep their input order. */
  public static List<HostOffer> rank(Scorer scorer, TaskRequest task, List<HostOffer> offers) {
    if (scorer == Scorer.OFFER_ORDER) {
      return offers;
    }
    List<RankedOffer> ranked = new ArrayList<>(offers.size());
    for (HostOffer o : offers) {
      ranked.add(new RankedOffer(o, scorer.score(task, o)));
    }
    // List.sort is stable, so equal scores keep the offer order.
    ranked.sort(Comparator.comparingDouble(RankedOffer::score).reversed());
    List<HostOffer> out = new ArrayList<>(ranked.size());
    for (RankedOffer r : ranked) {
      out.add(r.offer());
    }
    return out;
  }
}
