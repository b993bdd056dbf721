package io.aurora.server.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's current {@link LifecycleState}, with a gauge {@code scheduler_lifecycle_<STATE>}
 * per state that reads 1 for the current one and 0 for the others, as Aurora exports it.
 */
@Singleton
public final class SchedulerState {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerState.class);

  private volatile LifecycleState state = LifecycleState.IDLE;

  @Inject
  public SchedulerState(MeterRegistry registry) {
    for (LifecycleState s : LifecycleState.values()) {
      Gauge.builder("scheduler_lifecycle_" + s.name(), this, self -> self.state == s ? 1 : 0)
          .register(registry);
    }
  }

  public LifecycleState get() {
    return state;
  }

  /** Moves to {@code next}; DEAD is final. */
  synchronized void set(LifecycleState next) {
    if (state == LifecycleState.DEAD || state == next) {
      return;
    }
    LOG.info("Lifecycle {} -> {}", state, next);
    state = next;
  }

  /** True once this process leads and serves (subscribed, scheduling, announced). */
  public boolean isActive() {
    return state == LifecycleState.ACTIVE;
  }
}
