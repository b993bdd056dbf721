package io.aurora.scheduling.crontrigger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/** Aurora's cron counters, on the injected registry. */
final class CronCounters {
  /** Triggers acted on: a run started, killed its predecessor, or was skipped by its policy. */
  final Counter triggers;
  /** Triggers whose template was gone. */
  final Counter misfires;
  /** Triggers (and templates loaded on leading) whose stored schedule does not parse. */
  final Counter parseFailures;
  /** Triggers ignored because a KILL_EXISTING launch of the job was still waiting. */
  final Counter concurrentRuns;
  /** Triggers that found the previous run still active. */
  final Counter collisions;

  CronCounters(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    triggers = registry.counter("cron_job_triggers");
    misfires = registry.counter("cron_job_misfires");
    parseFailures = registry.counter("cron_job_parse_failures");
    concurrentRuns = registry.counter("cron_job_concurrent_runs");
    collisions = registry.counter("cron_job_collisions");
  }

  /** Counts the result of one trigger. */
  void count(TriggerOutcome outcome, boolean collided) {
    switch (outcome) {
      case LAUNCHED, KILLING_PREVIOUS_RUN, SKIPPED_CANCEL_NEW, SKIPPED_RUN_OVERLAP -> triggers.increment();
      case NO_TEMPLATE -> misfires.increment();
      case BAD_SCHEDULE -> parseFailures.increment();
      case IGNORED_LAUNCH_PENDING -> concurrentRuns.increment();
      default -> { }
    }
    if (collided) {
      collisions.increment();
    }
  }
}
