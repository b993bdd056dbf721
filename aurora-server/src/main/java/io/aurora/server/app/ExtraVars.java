package io.aurora.server.app;

import io.aurora.server.flags.FlagSet;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@code /vars} entries that are not meters: every flag's current value (secrets redacted by
 * {@link FlagSet#values()}), named without the leading dash, and {@code jvm_uptime_secs} (since
 * the JVM started, read from the injected clock).
 */
public final class ExtraVars implements Supplier<Map<String, Object>> {
  private final Map<String, String> flags;
  private final Clock clock;
  private final long jvmStartMillis;

  public ExtraVars(FlagSet flags, Clock clock) {
    this(flags, clock, ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  ExtraVars(FlagSet flags, Clock clock, long jvmStartMillis) {
    Map<String, String> named = new TreeMap<>();
    flags.values().forEach((name, value) -> named.put(name.replaceFirst("^-+", ""), value));
    this.flags = Map.copyOf(named);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.jvmStartMillis = jvmStartMillis;
  }

  @Override
  public Map<String, Object> get() {
    Map<String, Object> vars = new TreeMap<>(flags);
    vars.put("jvm_uptime_secs", Math.max(0, clock.millis() - jvmStartMillis) / 1000);
    return vars;
  }
}
