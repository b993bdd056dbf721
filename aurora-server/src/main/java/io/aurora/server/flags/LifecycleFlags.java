package io.aurora.server.flags;

import io.aurora.scheduling.pruning.PruneOptions;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.runtime.TimerOptions;
import io.aurora.scheduling.updater.UpdateOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Task state timeouts and batching, reconciliation with Mesos, and pruning of history. */
public final class LifecycleFlags implements FlagGroup {
  @Option(names = "-transient_task_state_timeout", defaultValue = "5mins",
      description = "A task stuck this long in a transient state (ASSIGNED, KILLING, ...) is marked LOST.")
  private Duration transientTaskStateTimeout;

  @Option(names = "-initial_task_kill_retry_interval", defaultValue = "15secs",
      description = "Wait before a kill that Mesos has not confirmed is sent again; it doubles on each retry.")
  private Duration initialTaskKillRetryInterval;

  @Option(names = "-max_status_update_batch_size", defaultValue = "1000",
      description = "Mesos status updates applied in one storage transaction.")
  private int maxStatusUpdateBatchSize;

  @Option(names = "-max_task_event_batch_size", defaultValue = "300",
      description = "Task state change events handled in one batch. (not yet used: task events are handled with the write that made them)")
  private int maxTaskEventBatchSize;

  @Option(names = "-reconciliation_initial_delay", defaultValue = "1mins",
      description = "Wait after becoming leader before the first reconciliation with Mesos.")
  private Duration reconciliationInitialDelay;

  @Option(names = "-reconciliation_schedule_spread", defaultValue = "30mins",
      description = "Spacing between explicit and implicit reconciliation runs.")
  private Duration reconciliationScheduleSpread;

  @Option(names = "-reconciliation_explicit_interval", defaultValue = "60mins",
      description = "How often every known task's state is checked with Mesos.")
  private Duration reconciliationExplicitInterval;

  @Option(names = "-reconciliation_implicit_interval", defaultValue = "60mins",
      description = "How often Mesos is asked for the state of every task it knows.")
  private Duration reconciliationImplicitInterval;

  @Option(names = "-reconciliation_explicit_batch_size", defaultValue = "1000",
      description = "Tasks asked about in one explicit reconciliation request.")
  private int reconciliationExplicitBatchSize;

  @Option(names = "-reconciliation_explicit_batch_interval", defaultValue = "5secs",
      description = "Wait between explicit reconciliation requests.")
  private Duration reconciliationExplicitBatchInterval;

  @Option(names = "-history_prune_threshold", defaultValue = "2days",
      description = "Finished tasks older than this are removed.")
  private Duration historyPruneThreshold;

  @Option(names = "-history_min_retention_threshold", defaultValue = "1hrs",
      description = "Finished tasks younger than this are always kept.")
  private Duration historyMinRetentionThreshold;

  @Option(names = "-history_max_per_job_threshold", defaultValue = "100",
      description = "Finished tasks kept per job at most.")
  private int historyMaxPerJobThreshold;

  @Option(names = "-job_update_history_per_job_threshold", defaultValue = "10",
      description = "Finished job updates kept per job.")
  private int jobUpdateHistoryPerJobThreshold;

  @Option(names = "-job_update_history_pruning_interval", defaultValue = "15mins",
      description = "How often finished job updates are pruned.")
  private Duration jobUpdateHistoryPruningInterval;

  @Option(names = "-job_update_history_pruning_threshold", defaultValue = "30days",
      description = "Finished job updates last changed longer ago than this are removed.")
  private Duration jobUpdateHistoryPruningThreshold;

  @Override
  public String title() {
    return "Task lifecycle, reconciliation and pruning";
  }

  /** Transient-state timeout and kill retries ({@code io.aurora.scheduling.runtime}). */
  public TimerOptions toTimerOptions() {
    return new TimerOptions(transientTaskStateTimeout, initialTaskKillRetryInterval);
  }

  /** {@code -max_status_update_batch_size}, read by the status update batcher. */
  public int maxStatusUpdateBatchSize() {
    return maxStatusUpdateBatchSize;
  }

  /** The reconciliation schedule ({@code io.aurora.scheduling.reconcile}). */
  public ReconcileOptions toReconcileOptions() {
    return new ReconcileOptions(reconciliationInitialDelay, reconciliationExplicitInterval,
        reconciliationImplicitInterval, reconciliationScheduleSpread, reconciliationExplicitBatchSize,
        reconciliationExplicitBatchInterval);
  }

  /**
   * Terminal task retention ({@code io.aurora.scheduling.pruning}), pruned every
   * {@link PruneOptions#INTERVAL}.
   */
  public PruneOptions toPruneOptions() {
    return new PruneOptions(historyPruneThreshold, historyMinRetentionThreshold, historyMaxPerJobThreshold,
        PruneOptions.INTERVAL);
  }

  /**
   * Job update history retention, with the update affinity settings that live among the
   * scheduling flags ({@code io.aurora.scheduling.updater}).
   */
  public UpdateOptions toUpdateOptions(boolean affinity, Duration affinityHoldTime) {
    return new UpdateOptions(jobUpdateHistoryPerJobThreshold, jobUpdateHistoryPruningInterval,
        jobUpdateHistoryPruningThreshold, affinity, affinityHoldTime);
  }
}
