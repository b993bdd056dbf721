package io.aurora.scheduling.runtime;

import io.aurora.scheduling.state.Transition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * Aurora's counters of what Mesos reports about tasks, on the injected registry:
 * <ul>
 *   <li>{@code scheduler_status_update}: status updates received;
 *   <li>{@code status_update_<REASON>_<RESULT>}: updates applied durably, by the update's Mesos
 *       reason ({@code REASON_RECONCILIATION}, ..., {@code NO_REASON} when it carries none) and
 *       by what applying it did to the task ({@link Transition.Result}: {@code SUCCESS},
 *       {@code NOOP}, {@code ILLEGAL}, ...);
 *   <li>{@code slaves_lost}: FAILURE events for an agent (no executor);
 *   <li>{@code scheduler_lost_executors}: FAILURE events for an executor that exited with a
 *       non-zero status (an executor that exited 0 is not lost).
 * </ul>
 * Thread-safe.
 */
public final class StatusUpdateCounters {
  static final String NO_REASON = "NO_REASON";

  private final MeterRegistry registry;
  private final Counter received;
  private final Counter agentsLost;
  private final Counter executorsLost;
  private final ConcurrentMap<String, Counter> applied = new ConcurrentHashMap<>();

  /** Registers the fixed counters; per reason and result ones appear on first use. */
  public StatusUpdateCounters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.received = registry.counter("scheduler_status_update");
    this.agentsLost = registry.counter("slaves_lost");
    this.executorsLost = registry.counter("scheduler_lost_executors");
  }

  /** An update arrived from Mesos. */
  void received() {
    received.increment();
  }

  /** An update was applied, and the write that applied it is durable. */
  void applied(TaskStatus status, Transition.Result result) {
    String name = "status_update_" + (status.hasReason() ? status.getReason().name() : NO_REASON)
        + "_" + result.name();
    applied.computeIfAbsent(name, registry::counter).increment();
  }

  /** A FAILURE event: an agent was lost, or an executor ended. */
  public void failure(Optional<AgentID> agentId, Optional<ExecutorID> executorId,
      OptionalInt status) {
    if (executorId.isPresent()) {
      if (status.isEmpty() || status.getAsInt() != 0) {
        executorsLost.increment();
      }
    } else if (agentId.isPresent()) {
      agentsLost.increment();
    }
  }
}
