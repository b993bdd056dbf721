package io.aurora.scheduling.filter;

import io.aurora.gen.MaintenanceMode;
import io.aurora.scheduling.resources.PortRange;
import io.aurora.scheduling.resources.ResourceBag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An offer as placement sees it: the host's attributes and maintenance mode and what is still
 * free. During a round the assigner replaces it with copies that have less free
 * ({@link #consume}).
 *
 * @param offerId the Mesos offer id
 * @param agentId the Mesos agent id
 * @param hostname the agent's host name
 * @param attributes host attribute name to values
 * @param mode the host's maintenance mode
 * @param free resources still free (its {@code ports} is the number of free ports)
 * @param ports the offer's port ranges
 * @param portsUsed how many ports from the start of {@code ports} are already taken this round
 * @param unavailableAtMs when Mesos maintenance makes the agent unavailable (epoch ms), or
 *     {@link Long#MAX_VALUE} if no maintenance is scheduled
 * @param revocableFree revocable resources still free (CPUs and RAM; only revocable tasks use
 *     them, see {@link TaskRequest#revocableNeed})
 */
public record HostOffer(
    String offerId, String agentId, String hostname, Map<String, Set<String>> attributes,
    MaintenanceMode mode, ResourceBag free, List<PortRange> ports, int portsUsed,
    long unavailableAtMs, ResourceBag revocableFree) {

  /** An offer without scheduled Mesos maintenance or revocable resources. */
  public HostOffer(String offerId, String agentId, String hostname,
      Map<String, Set<String>> attributes, MaintenanceMode mode, ResourceBag free,
      List<PortRange> ports, int portsUsed) {
    this(offerId, agentId, hostname, attributes, mode, free, ports, portsUsed, Long.MAX_VALUE);
  }

  /** An offer without revocable resources. */
  public HostOffer(String offerId, String agentId, String hostname,
      Map<String, Set<String>> attributes, MaintenanceMode mode, ResourceBag free,
      List<PortRange> ports, int portsUsed, long unavailableAtMs) {
    this(offerId, agentId, hostname, attributes, mode, free, ports, portsUsed, unavailableAtMs,
        ResourceBag.EMPTY);
  }

  public HostOffer {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(hostname, "hostname");
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(free, "free");
    ports = List.copyOf(ports);
    Objects.requireNonNull(revocableFree, "revocableFree");
  }

  /** An offer with nothing used yet; {@code free.ports} is derived from {@code ports}. */
  public static HostOffer of(String offerId, String agentId, String hostname,
      Map<String, Set<String>> attributes, MaintenanceMode mode, double cpus, long ramMb,
      long diskMb, long gpus, List<PortRange> ports) {
    return new HostOffer(offerId, agentId, hostname, attributes, mode,
        new ResourceBag(cpus, ramMb, diskMb, gpus, PortRange.count(ports)), ports, 0);
  }

  /** This offer with Mesos maintenance starting at {@code atMs}. */
  public HostOffer withUnavailability(long atMs) {
    return new HostOffer(offerId, agentId, hostname, attributes, mode, free, ports, portsUsed, atMs,
        revocableFree);
  }

  /** This offer with {@code cpus} revocable CPUs and {@code ramMb} revocable RAM free. */
  public HostOffer withRevocable(double cpus, long ramMb) {
    return new HostOffer(offerId, agentId, hostname, attributes, mode, free, ports, portsUsed,
        unavailableAtMs, new ResourceBag(cpus, ramMb, 0, 0, 0));
  }

  /** The values of attribute {@code name}; empty if the host lacks it. */
  public Set<String> values(String name) {
    return attributes.getOrDefault(name, Set.of());
  }

  /**
   * This offer after {@code need} is taken from its non-revocable resources (including
   * {@code need.ports} ports).
   */
  public HostOffer consume(ResourceBag need) {
    return new HostOffer(offerId, agentId, hostname, attributes, mode, free.minus(need), ports,
        portsUsed + need.ports(), unavailableAtMs, revocableFree);
  }

  /** This offer after one task of {@code task} is placed: each part from its own pool. */
  public HostOffer consume(TaskRequest task) {
    ResourceBag nonRevocable = task.nonRevocableNeed();
    return new HostOffer(offerId, agentId, hostname, attributes, mode, free.minus(nonRevocable),
        ports, portsUsed + nonRevocable.ports(), unavailableAtMs,
        revocableFree.minus(task.revocableNeed()));
  }

  /** The next {@code n} free ports, in range order. */
  public List<Integer> nextPorts(int n) {
    return PortRange.take(ports, portsUsed, n);
  }
}
