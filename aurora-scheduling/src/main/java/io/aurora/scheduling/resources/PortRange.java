package io.aurora.scheduling.resources;

import java.util.ArrayList;
import java.util.List;

/** A closed range of port numbers, as in a Mesos {@code ports} resource. */
public record PortRange(long begin, long end) {

  public PortRange {
    if (begin > end || begin < 0) {
      throw new IllegalArgumentException("bad port range " + begin + "-" + end);
    }
  }

  /** Number of ports in the range. */
  public long size() {
    return end - begin + 1;
  }

  /** The total port count of {@code ranges}, capped at Integer.MAX_VALUE. */
  public static int count(List<PortRange> ranges) {
    long total = 0;
    for (PortRange r : ranges) {
      total += r.size();
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  /**
   * The ports at positions {@code [skip, skip + n)} of the concatenated ranges.
   *
   * @throws IllegalArgumentException if the ranges hold fewer than {@code skip + n} ports
   */
  public static List<Integer> take(List<PortRange> ranges, int skip, int n) {
    List<Integer> out = new ArrayList<>(n);
    long toSkip = skip;
    for (PortRange r : ranges) {
      if (out.size() == n) {
        break;
      }
      if (toSkip >= r.size()) {
        toSkip -= r.size();
        continue;
      }
      for (long p = r.begin + toSkip; p <= r.end && out.size() < n; p++) {
        out.add((int) p);
      }
      toSkip = 0;
    }
    if (out.size() < n) {
      throw new IllegalArgumentException("ranges " + ranges + " lack " + n + " ports after " + skip);
    }
    return out;
  }
}
