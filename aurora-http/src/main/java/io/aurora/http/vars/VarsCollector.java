package io.aurora.http.vars;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Takes one consistent-enough snapshot of everything {@code /vars} and {@code /vars.json} show:
 * every meter of the registry, named by {@link VarNames}, plus the extra entries the daemon
 * supplies (each flag's value, {@code jvm_uptime_secs}).
 *
 * <p>Values are normalised so both pages print the same thing: integral numbers become
 * {@code Long} (no {@code .0}), other numbers stay {@code Double}, booleans stay booleans, and
 * anything else becomes its string. When names collide, the first meter in (name, tags) order
 * wins, and an extra entry is only added where no meter already produced that name.
 */
public final class VarsCollector {
  private static final Comparator<Meter> BY_ID =
      Comparator.comparing((Meter m) -> m.getId().getName()).thenComparing(m -> tagKey(m.getId()));

  private final MeterRegistry registry;
  private final Supplier<? extends Map<String, ?>> extras;

  /**
   * @param registry the process's one registry
   * @param extras entries not held as meters; called once per page view
   */
  public VarsCollector(MeterRegistry registry, Supplier<? extends Map<String, ?>> extras) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.extras = Objects.requireNonNull(extras, "extras");
  }

  /** The current values, sorted by name. */
  public SortedMap<String, Object> collect() {
    SortedMap<String, Object> vars = new TreeMap<>();
    List<Meter> meters = new ArrayList<>(registry.getMeters());
    meters.sort(BY_ID);
    for (Meter meter : meters) {
      addMeter(vars, meter);
    }
    Map<String, ?> more = extras.get();
    if (more != null) {
      more.forEach((name, value) -> vars.putIfAbsent(Objects.requireNonNull(name), normalize(value)));
    }
    return vars;
  }

  // Nanosecond totals are rounded: registries keeping seconds as doubles (Prometheus) would
  // otherwise print 4500000.000000001.
  private static void addMeter(Map<String, Object> vars, Meter meter) {
    String name = VarNames.of(meter.getId());
    if (meter instanceof Timer t) {
      put(vars, name + "_nanos_total", Math.round(t.totalTime(TimeUnit.NANOSECONDS)));
      put(vars, name + "_events", t.count());
    } else if (meter instanceof FunctionTimer t) {
      put(vars, name + "_nanos_total", Math.round(t.totalTime(TimeUnit.NANOSECONDS)));
      put(vars, name + "_events", t.count());
    } else if (meter instanceof LongTaskTimer t) {
      put(vars, name + "_active", t.activeTasks());
      put(vars, name + "_duration_nanos", Math.round(t.duration(TimeUnit.NANOSECONDS)));
    } else if (meter instanceof DistributionSummary s) {
      put(vars, name + "_total", s.totalAmount());
      put(vars, name + "_events", s.count());
    } else if (meter instanceof Counter c) {
      put(vars, name, c.count());
    } else if (meter instanceof FunctionCounter c) {
      put(vars, name, c.count());
    } else if (meter instanceof Gauge g) {
      put(vars, name, g.value());
    } else {
      for (Measurement m : meter.measure()) {
        put(vars, name + "_" + m.getStatistic().name().toLowerCase(Locale.ROOT), m.getValue());
      }
    }
  }

  private static void put(Map<String, Object> vars, String name, Object value) {
    vars.putIfAbsent(name, normalize(value));
  }

  /** Integral numbers to Long, other numbers to Double, booleans kept, the rest as strings. */
  static Object normalize(Object value) {
    if (value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      // Below 2^53 every integral double is exact as a long, so no precision is lost.
      if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
        return (long) d;
      }
      return d;
    }
    return String.valueOf(value);
  }

  private static String tagKey(Meter.Id id) {
    StringBuilder key = new StringBuilder();
    for (Tag tag : id.getTagsAsIterable()) {
      key.append(tag.getKey()).append('=').append(tag.getValue()).append(',');
    }
    return key.toString();
  }
}
