package io.aurora.scheduling.runtime;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * Task timers, read by {@link TaskTimers}.
 *
 * @param transientTaskStateTimeout ASSIGNED/PREEMPTING/RESTARTING/KILLING/DRAINING longer than
 *     this become LOST ({@code -transient_task_state_timeout}, 5 min)
 * @param initialKillRetryInterval first kill retry; doubles up to the transient timeout
 *     ({@code -initial_task_kill_retry_interval}, 15 s)
 */
public record TimerOptions(Duration transientTaskStateTimeout, Duration initialKillRetryInterval) {
  /** Aurora's defaults. */
  public static final TimerOptions DEFAULTS =
      new TimerOptions(Duration.ofMinutes(5), Duration.ofSeconds(15));

  public TimerOptions {
    Objects.requireNonNull(transientTaskStateTimeout, "transientTaskStateTimeout");
    Objects.requireNonNull(initialKillRetryInterval, "initialKillRetryInterval");
    checkArgument(transientTaskStateTimeout.compareTo(Duration.ZERO) > 0,
        "-transient_task_state_timeout must be positive, got %s", transientTaskStateTimeout);
    checkArgument(initialKillRetryInterval.compareTo(Duration.ZERO) > 0,
        "-initial_task_kill_retry_interval must be positive, got %s", initialKillRetryInterval);
  }
}
