package io.aurora.scheduling.offers;

import io.aurora.gen.MaintenanceMode;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.resources.PortRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/** Conversions from Mesos offers to placement {@link HostOffer}s. */
public final class HostOffers {
  private HostOffers() {}

  /**
   * The placement view of {@code offer}: its non-revocable cpus, mem, disk, gpus and port ranges,
   * apart its revocable cpus and mem (the other revocable resources are not used), its
   * attributes as text (scalars printed, sets split) and its Mesos unavailability.
   */
  public static HostOffer from(Offer offer, MaintenanceMode mode) {
    double cpus = 0;
    double mem = 0;
    double disk = 0;
    double gpus = 0;
    double revocableCpus = 0;
    double revocableMem = 0;
    List<PortRange> ports = new ArrayList<>();
    for (Resource r : offer.getResourcesList()) {
      if (r.hasRevocable()) {
        switch (r.getName()) {
          case "cpus" -> revocableCpus += r.getScalar().getValue();
          case "mem" -> revocableMem += r.getScalar().getValue();
          default -> { }
        }
        continue;
      }
      switch (r.getName()) {
        case "cpus" -> cpus += r.getScalar().getValue();
        case "mem" -> mem += r.getScalar().getValue();
        case "disk" -> disk += r.getScalar().getValue();
        case "gpus" -> gpus += r.getScalar().getValue();
        case "ports" -> {
          for (Value.Range range : r.getRanges().getRangeList()) {
            ports.add(new PortRange(range.getBegin(), range.getEnd()));
          }
        }
        default -> { }
      }
    }
    HostOffer host = HostOffer.of(offer.getId().getValue(), offer.getAgentId().getValue(),
        offer.getHostname(), attributes(offer), mode, cpus, (long) mem, (long) disk, (long) gpus,
        ports);
    if (revocableCpus > 0 || revocableMem > 0) {
      host = host.withRevocable(revocableCpus, (long) revocableMem);
    }
    if (offer.hasUnavailability()) {
      host = host.withUnavailability(offer.getUnavailability().getStart().getNanoseconds() / 1_000_000);
    }
    return host;
  }

  /** The attribute every host has: its host name (so that {@code host} limits work anywhere). */
  public static final String HOST_ATTRIBUTE = "host";

  /**
   * The offer's attributes as Aurora host attributes: name to text values, plus {@code host} = the
   * offer's host name unless the agent declares its own.
   */
  public static Map<String, Set<String>> attributes(Offer offer) {
    Map<String, Set<String>> out = new HashMap<>();
    for (Attribute a : offer.getAttributesList()) {
      Set<String> values = out.computeIfAbsent(a.getName(), k -> new HashSet<>());
      switch (a.getType()) {
        case TEXT -> values.add(a.getText().getValue());
        case SCALAR -> values.add(Double.toString(a.getScalar().getValue()));
        case SET -> values.addAll(a.getSet().getItemList());
        case RANGES -> a.getRanges().getRangeList()
            .forEach(r -> values.add(r.getBegin() + "-" + r.getEnd()));
        default -> { }
      }
    }
    out.computeIfAbsent(HOST_ATTRIBUTE, k -> new HashSet<>(Set.of(offer.getHostname())));
    return out;
  }
}
