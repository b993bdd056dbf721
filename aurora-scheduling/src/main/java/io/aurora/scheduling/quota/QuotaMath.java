package io.aurora.scheduling.quota;

import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.resources.ResourceBag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Quota arithmetic on {@link ResourceBag}s that carry only what quota covers: CPUs, RAM and disk
 * (GPUs and ports are never counted, as in Aurora).
 */
public final class QuotaMath {
  /** The prefix of every quota refusal, as Aurora words it. */
  public static final String INSUFFICIENT = "Insufficient resource quota: ";

  private static final double EPSILON = 1e-9;

  private QuotaMath() {}

  /** Whether quota covers {@code config}: production and not constrained to a dedicated host. */
  public static boolean isProdShared(TaskConfig config) {
    boolean dedicated = config.isSetConstraints() && config.getConstraints().stream()
        .anyMatch(c -> FilterChain.DEDICATED_ATTRIBUTE.equals(c.getName()));
    return config.isProduction() && !dedicated;
  }

  /** One task's CPUs, RAM and disk. */
  public static ResourceBag perTask(TaskConfig config) {
    return quotaPart(ResourceBag.of(config.isSetResources() ? config.getResources() : Set.of()));
  }

  /** What {@code count} tasks of {@code config} count against quota (nothing unless prod shared). */
  public static ResourceBag charged(TaskConfig config, long count) {
    return isProdShared(config) ? times(perTask(config), count) : ResourceBag.EMPTY;
  }

  /** {@code bag} times {@code n}. */
  public static ResourceBag times(ResourceBag bag, long n) {
    return new ResourceBag(bag.cpus() * n, bag.ramMb() * n, bag.diskMb() * n, 0, 0);
  }

  /** The larger of {@code a} and {@code b}, resource by resource. */
  public static ResourceBag larger(ResourceBag a, ResourceBag b) {
    return new ResourceBag(Math.max(a.cpus(), b.cpus()), Math.max(a.ramMb(), b.ramMb()),
        Math.max(a.diskMb(), b.diskMb()), 0, 0);
  }

  /** The CPUs, RAM and disk of an aggregate (its {@code resources} set). */
  public static ResourceBag of(ResourceAggregate aggregate) {
    return aggregate == null || !aggregate.isSetResources() ? ResourceBag.EMPTY
        : quotaPart(ResourceBag.of(aggregate.getResources()));
  }

  /** {@code bag} as an aggregate of exactly three resources. */
  public static ResourceAggregate aggregate(ResourceBag bag) {
    Set<Resource> resources = new HashSet<>();
    resources.add(Resource.numCpus(bag.cpus()));
    resources.add(Resource.ramMb(bag.ramMb()));
    resources.add(Resource.diskMb(bag.diskMb()));
    return new ResourceAggregate(resources);
  }

  /**
   * Why {@code use} does not fit {@code quota}: every resource over, and by how much, after
   * {@link #INSUFFICIENT}; empty if it fits.
   */
  public static Optional<String> shortage(ResourceBag quota, ResourceBag use) {
    List<String> over = new ArrayList<>();
    if (use.cpus() > quota.cpus() + EPSILON) {
      over.add(String.format(Locale.ROOT, "CPU quota exceeded by %s cores (quota %s, would use %s)",
          number(use.cpus() - quota.cpus()), number(quota.cpus()), number(use.cpus())));
    }
    if (use.ramMb() > quota.ramMb()) {
      over.add("RAM quota exceeded by " + (use.ramMb() - quota.ramMb()) + " MB (quota "
          + quota.ramMb() + " MB, would use " + use.ramMb() + " MB)");
    }
    if (use.diskMb() > quota.diskMb()) {
      over.add("DISK quota exceeded by " + (use.diskMb() - quota.diskMb()) + " MB (quota "
          + quota.diskMb() + " MB, would use " + use.diskMb() + " MB)");
    }
    return over.isEmpty() ? Optional.empty() : Optional.of(INSUFFICIENT + String.join("; ", over));
  }

  /** Whether {@code after} needs more of some resource than {@code before}. */
  public static boolean grows(ResourceBag before, ResourceBag after) {
    return after.cpus() > before.cpus() + EPSILON || after.ramMb() > before.ramMb()
        || after.diskMb() > before.diskMb();
  }

  /** A CPU amount without float noise: {@code 1.5}, {@code 2}. */
  static String number(double cpus) {
    double rounded = Math.round(cpus * 1000) / 1000.0;
    return rounded == Math.rint(rounded) ? Long.toString((long) rounded)
        : Double.toString(rounded);
  }

  private static ResourceBag quotaPart(ResourceBag bag) {
    return new ResourceBag(bag.cpus(), bag.ramMb(), bag.diskMb(), 0, 0);
  }
}
