package io.aurora.scheduling.cron;

import io.aurora.gen.CronCollisionPolicy;

/**
 * What a cron trigger does, decided from the job's collision policy and whether its previous run
 * still has active tasks (Aurora's rules). Pure.
 */
public enum TriggerAction {
  /** No active task: insert the new run's tasks now. */
  LAUNCH,
  /** KILL_EXISTING with active tasks: kill them, and start the new run once they are gone. */
  KILL_THEN_LAUNCH,
  /** CANCEL_NEW with active tasks: this trigger does nothing. */
  SKIP_CANCEL_NEW,
  /**
   * RUN_OVERLAP with active tasks: this trigger does nothing. Aurora 0.22 refuses the policy when
   * a template is scheduled, but a template stored by an older Aurora may still carry it.
   */
  SKIP_RUN_OVERLAP;

  /** The message of the KILLING event of a task killed by KILL_EXISTING (Aurora's). */
  public static final String KILL_MESSAGE = "Killed by cronScheduler";

  /** The policy a template follows: its own, or KILL_EXISTING when it has none (Aurora's default). */
  public static CronCollisionPolicy effective(CronCollisionPolicy policy) {
    return policy == null ? CronCollisionPolicy.KILL_EXISTING : policy;
  }

  /**
   * The action of a trigger.
   *
   * @param policy the template's policy, null for the default
   * @param activeTasks whether the job has active tasks (a previous run not finished)
   */
  public static TriggerAction decide(CronCollisionPolicy policy, boolean activeTasks) {
    if (!activeTasks) {
      return LAUNCH;
    }
    switch (effective(policy)) {
      case KILL_EXISTING:
        return KILL_THEN_LAUNCH;
      case CANCEL_NEW:
        return SKIP_CANCEL_NEW;
      case RUN_OVERLAP:
        return SKIP_RUN_OVERLAP;
      default:
        throw new IllegalStateException("Unknown collision policy " + policy);
    }
  }
}
