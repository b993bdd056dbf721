package io.aurora.scheduling.maintenance;

import io.aurora.api.JobKeys;
import io.aurora.gen.AssignedTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The gauges {@code maintenance_countdown_ms_<role/env/name/instance>}: for each task that waits
 * on its SLA on a draining host, the time left until its drain is forced. A gauge appears when
 * its task starts waiting and goes when the task is drained or no longer waits.
 */
final class DrainCountdowns {
  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Gauge> gauges = new HashMap<>();
  private final Map<String, Long> forcedAt = new HashMap<>();

  DrainCountdowns(MeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  static String name(AssignedTask task) {
    return "maintenance_countdown_ms_" + JobKeys.canonicalString(task.getTask().getJob()) + "/"
        + task.getInstanceId();
  }

  /** Replaces the waiting tasks: gauge name to the epoch ms at which the drain is forced. */
  synchronized void set(Map<String, Long> waiting) {
    Set<String> gone = new java.util.HashSet<>(gauges.keySet());
    gone.removeAll(waiting.keySet());
    for (String name : gone) {
      registry.remove(gauges.remove(name));
      forcedAt.remove(name);
    }
    forcedAt.putAll(waiting);
    for (String name : waiting.keySet()) {
      gauges.computeIfAbsent(name, n -> Gauge.builder(n, this, c -> c.left(n)).register(registry));
    }
  }

  private synchronized double left(String name) {
    Long at = forcedAt.get(name);
    return at == null ? 0 : Math.max(0, at - clock.millis());
  }
}
