package io.aurora.http.ui;

import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import java.util.Collection;
import java.util.Locale;

/** Sums and prints resources: cpus with up to two decimals, sizes in MiB/GiB/TiB as Aurora did. */
final class ResourceFormat {
  private static final String[] UNITS = {"MiB", "GiB", "TiB", "PiB", "EiB"};

  private ResourceFormat() {}

  /** cpus, ram MB, disk MB of a set of resources. */
  record Totals(double cpus, long ramMb, long diskMb) {
    static final Totals ZERO = new Totals(0, 0, 0);

    Totals plus(Totals o) {
      return new Totals(cpus + o.cpus, ramMb + o.ramMb, diskMb + o.diskMb);
    }

    Totals times(int n) {
      return new Totals(cpus * n, ramMb * n, diskMb * n);
    }

    boolean isZero() {
      return cpus == 0 && ramMb == 0 && diskMb == 0;
    }
  }

  static Totals of(ResourceAggregate aggregate) {
    return aggregate == null || !aggregate.isSetResources() ? Totals.ZERO : of(aggregate.getResources());
  }

  static Totals of(Collection<Resource> resources) {
    double cpus = 0;
    long ram = 0;
    long disk = 0;
    if (resources != null) {
      for (Resource r : resources) {
        if (r.isSetNumCpus()) {
          cpus += r.getNumCpus();
        } else if (r.isSetRamMb()) {
          ram += r.getRamMb();
        } else if (r.isSetDiskMb()) {
          disk += r.getDiskMb();
        }
      }
    }
    return new Totals(cpus, ram, disk);
  }

  /** {@code 1.5} for 1.5 cpus, {@code 2} for 2. */
  static String cpus(double cpus) {
    return cpus == Math.rint(cpus) ? Long.toString((long) cpus)
        : String.format(Locale.ROOT, "%.2f", cpus).replaceAll("0$", "");
  }

  /** {@code 512.00MiB}, {@code 1.50GiB}: the largest unit that keeps the number at least 1. */
  static String megabytes(long mb) {
    double v = mb;
    int unit = 0;
    while (Math.abs(v) >= 1024 && unit < UNITS.length - 1) {
      v /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.2f%s", v, UNITS[unit]);
  }
}
