package io.aurora.scheduling.crontrigger;

/** What one trigger of a cron job, or one check of a delayed KILL_EXISTING launch, came to. */
public enum TriggerOutcome {
  /** The run's tasks were inserted PENDING (after the previous run's were killed, if any). */
  LAUNCHED,
  /** KILL_EXISTING: the previous run's tasks are being killed; the run starts once they end. */
  KILLING_PREVIOUS_RUN,
  /** CANCEL_NEW: the previous run is still active, so this trigger did nothing. */
  SKIPPED_CANCEL_NEW,
  /** RUN_OVERLAP (a policy Aurora 0.22 no longer accepts): treated as CANCEL_NEW. */
  SKIPPED_RUN_OVERLAP,
  /** A KILL_EXISTING launch of this job is still waiting; this trigger was ignored. */
  IGNORED_LAUNCH_PENDING,
  /** The template is gone ({@code cron_job_misfires}). */
  NO_TEMPLATE,
  /** The stored schedule does not parse ({@code cron_job_parse_failures}). */
  BAD_SCHEDULE,
  /** A delayed launch's check: the killed tasks have not all ended yet. */
  STILL_WAITING,
  /** A delayed launch's check: the template was descheduled meanwhile, so nothing starts. */
  ABANDONED,
  /** The write failed (storage not ready, say): nothing happened. */
  FAILED
}
