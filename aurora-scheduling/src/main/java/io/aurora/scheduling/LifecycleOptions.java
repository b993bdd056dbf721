package io.aurora.scheduling;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and batching of task state changes.
 *
 * @param transientTaskStateTimeout a task stuck this long in a transient state (ASSIGNED, KILLING,
 *     ...) is declared LOST ({@code -transient_task_state_timeout})
 * @param initialTaskKillRetryInterval first wait before a kill is retried ({@code -initial_task_kill_retry_interval})
 * @param maxStatusUpdateBatchSize Mesos status updates applied in one storage transaction
 *     ({@code -max_status_update_batch_size})
 * @param maxTaskEventBatchSize task events handled in one batch ({@code -max_task_event_batch_size})
 */
public record LifecycleOptions(
    Duration transientTaskStateTimeout,
    Duration initialTaskKillRetryInterval,
    int maxStatusUpdateBatchSize,
    int maxTaskEventBatchSize) {
  public LifecycleOptions {
    Objects.requireNonNull(transientTaskStateTimeout, "transientTaskStateTimeout");
    Objects.requireNonNull(initialTaskKillRetryInterval, "initialTaskKillRetryInterval");
    checkArgument(transientTaskStateTimeout.compareTo(Duration.ZERO) > 0,
        "-transient_task_state_timeout must be positive, got %s", transientTaskStateTimeout);
    checkArgument(initialTaskKillRetryInterval.compareTo(Duration.ZERO) > 0,
        "-initial_task_kill_retry_interval must be positive, got %s", initialTaskKillRetryInterval);
    checkArgument(maxStatusUpdateBatchSize >= 1,
        "-max_status_update_batch_size must be at least 1, got %s", maxStatusUpdateBatchSize);
    checkArgument(maxTaskEventBatchSize >= 1,
        "-max_task_event_batch_size must be at least 1, got %s", maxTaskEventBatchSize);
  }
}
