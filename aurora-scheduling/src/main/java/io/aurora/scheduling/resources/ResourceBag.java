package io.aurora.scheduling.resources;

import io.aurora.gen.Resource;
import java.util.Collection;

/**
 * An amount of the resources Aurora schedules: cpus, RAM and disk in MB, GPUs and a number of
 * ports. Values; arithmetic returns new bags.
 */
public record ResourceBag(double cpus, long ramMb, long diskMb, long gpus, int ports) {

  /** Nothing. */
  public static final ResourceBag EMPTY = new ResourceBag(0, 0, 0, 0, 0);

  // Offers and requests are sums of doubles such as 0.1; compare with a tolerance so that exactly
  // filling an agent is not vetoed by rounding.
  private static final double EPSILON = 1e-9;

  /** The resources of a TaskConfig's {@code resources} set (named ports count one each). */
  public static ResourceBag of(Collection<Resource> resources) {
    double cpus = 0;
    long ram = 0;
    long disk = 0;
    long gpus = 0;
    int ports = 0;
    for (Resource r : resources) {
      if (r.isSetNumCpus()) {
        cpus += r.getNumCpus();
      } else if (r.isSetRamMb()) {
        ram += r.getRamMb();
      } else if (r.isSetDiskMb()) {
        disk += r.getDiskMb();
      } else if (r.isSetNumGpus()) {
        gpus += r.getNumGpus();
      } else if (r.isSetNamedPort()) {
        ports++;
      }
    }
    return new ResourceBag(cpus, ram, disk, gpus, ports);
  }

  /** This plus {@code other}. */
  public ResourceBag plus(ResourceBag other) {
    return new ResourceBag(cpus + other.cpus, ramMb + other.ramMb, diskMb + other.diskMb,
        gpus + other.gpus, ports + other.ports);
  }

  /** This minus {@code other} (may go negative). */
  public ResourceBag minus(ResourceBag other) {
    return new ResourceBag(cpus - other.cpus, ramMb - other.ramMb, diskMb - other.diskMb,
        gpus - other.gpus, ports - other.ports);
  }

  /** Whether every amount of {@code need} fits in this bag. */
  public boolean fits(ResourceBag need) {
    return firstShortage(need) == null;
  }

  /**
   * The name of the first resource {@code need} lacks here ({@code cpus}, {@code ram},
   * {@code disk}, {@code gpus}, {@code ports}), or null if it fits.
   */
  public String firstShortage(ResourceBag need) {
    if (need.cpus > cpus + EPSILON) {
      return "cpus";
    }
    if (need.ramMb > ramMb) {
      return "ram";
    }
    if (need.diskMb > diskMb) {
      return "disk";
    }
    if (need.gpus > gpus) {
      return "gpus";
    }
    if (need.ports > ports) {
      return "ports";
    }
    return null;
  }

  /** True if some amount is negative. */
  public boolean anyNegative() {
    return cpus < -EPSILON || ramMb < 0 || diskMb < 0 || gpus < 0 || ports < 0;
  }
}
