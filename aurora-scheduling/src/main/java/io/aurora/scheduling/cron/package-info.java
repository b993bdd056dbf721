/**
 * Cron decisions as pure functions: parsing a schedule in Aurora's crontab syntax and computing
 * when it fires next ({@link io.aurora.scheduling.cron.CronSchedule}, through cron-utils), what a
 * trigger does under a collision policy ({@link io.aurora.scheduling.cron.TriggerAction}), and
 * what a job's tasks say about its runs after a failover
 * ({@link io.aurora.scheduling.cron.CronRuns}). No clocks, threads or storage: the caller passes
 * the time, the zone and the tasks. The trigger loop that uses them is
 * {@code io.aurora.scheduling.crontrigger}.
 */
package io.aurora.scheduling.cron;
