/**
 * Job update decisions as pure functions: the update status machine, the diff between a job's
 * tasks and a proposed config, the settings check, the per-instance evaluator and the
 * strategies that pick the next instances. No clocks, threads or storage: the caller passes the
 * time and the tasks.
 */
package io.aurora.scheduling.update;
