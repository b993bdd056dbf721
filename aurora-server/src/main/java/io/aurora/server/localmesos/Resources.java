package io.aurora.server.localmesos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * An immutable bag of unreserved scalar and range resources (cpus, mem, disk, ports, gpus...), for
 * the embedded master's bookkeeping. Roles, reservations and sets are ignored: the embedded master
 * offers everything unreserved. Scalars are kept to three decimals, as Mesos does. Revocable
 * resources are kept apart from the others under their name plus {@link #REVOCABLE}
 * ({@code cpus(revocable)}), so that a task asking for revocable CPUs cannot take non-revocable
 * ones, nor the other way round.
 */
final class Resources {
  static final Resources EMPTY = new Resources(Map.of(), Map.of());
  /** The suffix of a revocable resource's name in this bag. */
  static final String REVOCABLE = "(revocable)";

  private final Map<String, Double> scalars;
  private final Map<String, List<long[]>> ranges;   // sorted, disjoint, inclusive [begin, end]

  private Resources(Map<String, Double> scalars, Map<String, List<long[]>> ranges) {
    this.scalars = scalars;
    this.ranges = ranges;
  }

  /** Parses {@code cpus:4;mem:8192;disk:10000;ports:[31000-32000]}. */
  static Resources parse(String text) {
    Map<String, Double> s = new TreeMap<>();
    Map<String, List<long[]>> r = new TreeMap<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      String[] kv = part.split(":", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("expected name:value in '" + part + "' of " + text);
      }
      String name = kv[0].strip();
      String value = kv[1].strip();
      if (value.startsWith("[")) {
        List<long[]> list = new ArrayList<>();
        for (String range : value.substring(1, value.length() - 1).split(",")) {
          String[] be = range.strip().split("-");
          list.add(new long[] {Long.parseLong(be[0].strip()), Long.parseLong(be[be.length - 1].strip())});
        }
        r.put(name, normalize(list));
      } else {
        s.put(name, Double.parseDouble(value));
      }
    }
    return new Resources(s, r);
  }

  /** The scalar and range resources of a task or offer. */
  static Resources of(List<Resource> resources) {
    Resources total = EMPTY;
    for (Resource resource : resources) {
      Map<String, Double> s = new TreeMap<>();
      Map<String, List<long[]>> r = new TreeMap<>();
      String name = resource.hasRevocable() ? resource.getName() + REVOCABLE : resource.getName();
      if (resource.getType() == Value.Type.SCALAR) {
        s.put(name, resource.getScalar().getValue());
      } else if (resource.getType() == Value.Type.RANGES) {
        List<long[]> list = new ArrayList<>();
        resource.getRanges().getRangeList().forEach(v -> list.add(new long[] {v.getBegin(), v.getEnd()}));
        r.put(name, normalize(list));
      }
      total = total.plus(new Resources(s, r));
    }
    return total;
  }

  double scalar(String name) {
    return scalars.getOrDefault(name, 0.0);
  }

  Resources plus(Resources other) {
    Map<String, Double> s = new TreeMap<>(scalars);
    other.scalars.forEach((k, v) -> s.merge(k, v, (a, b) -> round(a + b)));
    Map<String, List<long[]>> r = new TreeMap<>(ranges);
    other.ranges.forEach((k, v) -> {
      List<long[]> merged = new ArrayList<>(r.getOrDefault(k, List.of()));
      merged.addAll(v);
      r.put(k, normalize(merged));
    });
    return new Resources(s, r);
  }

  /** This minus {@code other}; callers check {@link #contains} first. */
  Resources minus(Resources other) {
    Map<String, Double> s = new TreeMap<>(scalars);
    other.scalars.forEach((k, v) -> s.put(k, Math.max(0, round(s.getOrDefault(k, 0.0) - v))));
    Map<String, List<long[]>> r = new TreeMap<>(ranges);
    other.ranges.forEach((k, v) -> r.put(k, subtract(r.getOrDefault(k, List.of()), v)));
    return new Resources(s, r);
  }

  boolean contains(Resources other) {
    for (Map.Entry<String, Double> e : other.scalars.entrySet()) {
      if (scalar(e.getKey()) + 1e-9 < e.getValue()) {
        return false;
      }
    }
    for (Map.Entry<String, List<long[]>> e : other.ranges.entrySet()) {
      List<long[]> mine = ranges.getOrDefault(e.getKey(), List.of());
      for (long[] want : e.getValue()) {
        if (mine.stream().noneMatch(have -> have[0] <= want[0] && want[1] <= have[1])) {
          return false;
        }
      }
    }
    return true;
  }

  /** A bag of {@code value} revocable units of the scalar {@code name}. */
  static Resources revocable(String name, double value) {
    return value > 0 ? new Resources(Map.of(name + REVOCABLE, value), Map.of()) : EMPTY;
  }

  /** This bag without its revocable resources. */
  Resources withoutRevocable() {
    Map<String, Double> s = new TreeMap<>(scalars);
    s.keySet().removeIf(name -> name.endsWith(REVOCABLE));
    return s.size() == scalars.size() ? this : new Resources(s, ranges);
  }

  /**
   * True if there is something worth offering: some cpus (revocable or not) and some memory.
   */
  boolean offerable() {
    return (scalar("cpus") >= 0.01 || scalar("cpus" + REVOCABLE) >= 0.01) && scalar("mem") >= 32;
  }

  /** As unreserved v1 resources allocated to {@code role}. */
  List<Resource> toProtos(String role) {
    List<Resource> out = new ArrayList<>();
    Resource.AllocationInfo allocation = Resource.AllocationInfo.newBuilder().setRole(role).build();
    scalars.forEach((name, value) -> {
      if (value > 0) {
        Resource.Builder r = Resource.newBuilder().setType(Value.Type.SCALAR)
            .setScalar(Value.Scalar.newBuilder().setValue(value))
            .setAllocationInfo(allocation);
        if (name.endsWith(REVOCABLE)) {
          r.setName(name.substring(0, name.length() - REVOCABLE.length()))
              .setRevocable(Resource.RevocableInfo.getDefaultInstance());
        } else {
          r.setName(name);
        }
        out.add(r.build());
      }
    });
    ranges.forEach((name, list) -> {
      if (!list.isEmpty()) {
        Value.Ranges.Builder ranges = Value.Ranges.newBuilder();
        list.forEach(r -> ranges.addRange(Value.Range.newBuilder().setBegin(r[0]).setEnd(r[1])));
        out.add(Resource.newBuilder().setName(name).setType(Value.Type.RANGES)
            .setRanges(ranges).setAllocationInfo(allocation).build());
      }
    });
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    scalars.forEach((k, v) -> sb.append(k).append(':').append(v).append(';'));
    ranges.forEach((k, v) -> {
      sb.append(k).append(":[");
      v.forEach(r -> sb.append(r[0]).append('-').append(r[1]).append(','));
      sb.append("];");
    });
    return sb.toString();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static List<long[]> normalize(List<long[]> list) {
    List<long[]> sorted = new ArrayList<>(list);
    sorted.sort((a, b) -> Long.compare(a[0], b[0]));
    List<long[]> out = new ArrayList<>();
    for (long[] r : sorted) {
      if (!out.isEmpty() && out.get(out.size() - 1)[1] + 1 >= r[0]) {
        long[] last = out.get(out.size() - 1);
        last[1] = Math.max(last[1], r[1]);
      } else {
        out.add(new long[] {r[0], r[1]});
      }
    }
    return List.copyOf(out);
  }

  private static List<long[]> subtract(List<long[]> from, List<long[]> take) {
    List<long[]> out = new ArrayList<>();
    for (long[] r : from) {
      List<long[]> pieces = List.of(new long[] {r[0], r[1]});
      for (long[] t : take) {
        List<long[]> next = new ArrayList<>();
        for (long[] p : pieces) {
          if (t[1] < p[0] || t[0] > p[1]) {
            next.add(p);
            continue;
          }
          if (p[0] < t[0]) {
            next.add(new long[] {p[0], t[0] - 1});
          }
          if (t[1] < p[1]) {
            next.add(new long[] {t[1] + 1, p[1]});
          }
        }
        pieces = next;
      }
      out.addAll(pieces);
    }
    return List.copyOf(out);
  }
}
