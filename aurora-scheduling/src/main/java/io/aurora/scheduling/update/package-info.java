/**
 * Job update decisions as pure functions: the update status machine
 * ({@link io.aurora.scheduling.update.UpdateStatusMachine}), the diff between a job's tasks and a
 * proposed config ({@link io.aurora.scheduling.update.JobDiff}), the settings rules
 * ({@link io.aurora.scheduling.update.UpdateSettingsRules}), the per-instance evaluator
 * ({@link io.aurora.scheduling.update.InstanceEvaluator}), the strategies that pick the next
 * instances ({@link io.aurora.scheduling.update.InstancePicker}) in their order
 * ({@link io.aurora.scheduling.update.UpdateOrder}), and one round of an update
 * ({@link io.aurora.scheduling.update.UpdateRound} over an
 * {@link io.aurora.scheduling.update.UpdateProgress}), which returns what to write as a
 * {@link io.aurora.scheduling.update.RoundResult}.
 *
 * <p>Pure: no clocks, threads, locks, randomness, IO or storage (the architecture test holds it
 * to that). The caller passes the time in milliseconds and reads the tasks for it
 * ({@link io.aurora.scheduling.update.InstanceTaskSource}).
 */
package io.aurora.scheduling.update;
