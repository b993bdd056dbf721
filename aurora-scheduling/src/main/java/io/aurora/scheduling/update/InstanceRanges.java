package io.aurora.scheduling.update;

import io.aurora.gen.Range;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Instance ids to and from closed {@link Range}s, as update instructions and settings hold them. */
public final class InstanceRanges {
  /** Most instance ids a set of ranges may name (guards against {@code Range(0, MAX_VALUE)}). */
  public static final int MAX_IDS = 1_000_000;

  private InstanceRanges() {}

  /**
   * The ids the ranges cover; null means none.
   *
   * @throws IllegalArgumentException if a range is inverted or negative, or the ranges name more
   *     than {@link #MAX_IDS} ids
   */
  public static SortedSet<Integer> ids(Collection<Range> ranges) {
    SortedSet<Integer> ids = new TreeSet<>();
    if (ranges == null) {
      return ids;
    }
    long total = 0;
    for (Range r : ranges) {
      if (r.getFirst() < 0 || r.getLast() < r.getFirst()) {
        throw new IllegalArgumentException("Invalid instance range [" + r.getFirst() + ", "
            + r.getLast() + "]: ranges are closed, first <= last, not negative");
      }
      total += (long) r.getLast() - r.getFirst() + 1;
      if (total > MAX_IDS) {
        throw new IllegalArgumentException("Instance ranges name more than " + MAX_IDS + " ids");
      }
      for (int i = r.getFirst(); i <= r.getLast(); i++) {
        ids.add(i);
      }
    }
    return ids;
  }

  /** The fewest closed ranges that cover {@code ids} exactly. */
  public static Set<Range> ranges(Collection<Integer> ids) {
    Set<Range> out = new HashSet<>();
    Integer start = null;
    int prev = 0;
    for (int id : new TreeSet<>(ids)) {
      if (start == null) {
        start = id;
      } else if (id != prev + 1) {
        out.add(new Range(start, prev));
        start = id;
      }
      prev = id;
    }
    if (start != null) {
      out.add(new Range(start, prev));
    }
    return out;
  }
}
