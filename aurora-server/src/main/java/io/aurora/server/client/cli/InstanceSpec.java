package io.aurora.server.client.cli;

import io.aurora.gen.Range;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Instance ids as the command line writes them, {@code 0-3,7}: single ids and closed ranges,
 * separated by commas. Converts to the Thrift {@link Range}s of an update's scope and back.
 */
public record InstanceSpec(SortedSet<Integer> ids) {
  /** The most ids one spec may name: a typo such as {@code 0-99999999} fails instead of filling memory. */
  public static final int MAX_IDS = 100_000;

  public InstanceSpec {
    ids = Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no instances");
    }
  }

  /**
   * Parses {@code 0-3,7}.
   *
   * @throws IllegalArgumentException naming the text and its bad part
   */
  public static InstanceSpec parse(String text) {
    SortedSet<Integer> ids = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      String[] bounds = part.strip().split("-", -1);
      if (bounds.length > 2) {
        throw bad(text, part);
      }
      int first = id(bounds[0], text, part);
      int last = bounds.length == 2 ? id(bounds[1], text, part) : first;
      if (last < first) {
        throw bad(text, part);
      }
      if ((long) ids.size() + last - first + 1 > MAX_IDS) {
        throw new IllegalArgumentException("'" + text + "' names more than " + MAX_IDS + " instances");
      }
      for (int i = first; i <= last; i++) {
        ids.add(i);
      }
    }
    return new InstanceSpec(ids);
  }

  /** The ids that {@code ranges} cover (closed ranges; an empty or null collection is empty). */
  public static SortedSet<Integer> idsOf(Collection<Range> ranges) {
    SortedSet<Integer> ids = new TreeSet<>();
    if (ranges != null) {
      for (Range r : ranges) {
        for (int i = r.getFirst(); i <= r.getLast(); i++) {
          ids.add(i);
        }
      }
    }
    return ids;
  }

  /** The ids as closed ranges of consecutive ids, in order: {@code 0,1,2,3,7} is [0,3], [7,7]. */
  public Set<Range> ranges() {
    Set<Range> out = new LinkedHashSet<>();
    Integer first = null;
    Integer previous = null;
    for (int id : ids) {
      if (previous != null && id != previous + 1) {
        out.add(new Range(first, previous));
        first = null;
      }
      if (first == null) {
        first = id;
      }
      previous = id;
    }
    out.add(new Range(first, previous));
    return out;
  }

  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(",");
    for (Range r : ranges()) {
      text.add(r.getFirst() == r.getLast() ? "" + r.getFirst() : r.getFirst() + "-" + r.getLast());
    }
    return text.toString();
  }

  private static int id(String text, String whole, String part) {
    try {
      int id = Integer.parseInt(text.strip());
      if (id < 0) {
        throw bad(whole, part);
      }
      return id;
    } catch (NumberFormatException e) {
      throw bad(whole, part);
    }
  }

  private static IllegalArgumentException bad(String whole, String part) {
    return new IllegalArgumentException("instances must look like 0-3,7; '" + part.strip()
        + "' in '" + whole + "' is not an id or a range");
  }

  /** picocli's converter: bad instances are a usage error. */
  public static final class Converter implements ITypeConverter<InstanceSpec> {
    @Override
    public InstanceSpec convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
