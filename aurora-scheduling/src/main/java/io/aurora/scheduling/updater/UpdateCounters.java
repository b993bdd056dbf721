package io.aurora.scheduling.updater;

import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Aurora's update counters: {@code update_transition_<STATUS>} for each update status event and
 * {@code update_instance_transition_<ACTION>} for each instance event recorded. All are
 * registered at once, so that {@code /vars} lists them at 0.
 */
final class UpdateCounters {
  private final Map<JobUpdateStatus, Counter> transitions = new EnumMap<>(JobUpdateStatus.class);
  private final Map<JobUpdateAction, Counter> instanceTransitions =
      new EnumMap<>(JobUpdateAction.class);

  UpdateCounters(MeterRegistry registry) {
    for (JobUpdateStatus s : JobUpdateStatus.values()) {
      transitions.put(s, registry.counter("update_transition_" + s.name()));
    }
    for (JobUpdateAction a : JobUpdateAction.values()) {
      instanceTransitions.put(a, registry.counter("update_instance_transition_" + a.name()));
    }
  }

  void recorded(JobUpdateEvent event) {
    transitions.get(event.getStatus()).increment();
  }

  void recorded(JobInstanceUpdateEvent event) {
    instanceTransitions.get(event.getAction()).increment();
  }
}
