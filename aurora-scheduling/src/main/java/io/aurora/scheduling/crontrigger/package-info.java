/**
 * Cron jobs at work on the leading scheduler: {@link io.aurora.scheduling.crontrigger.CronTriggers}
 * arms a timer per template on the runtime's timer queue, writes the triggers in batches through
 * the {@code io.aurora.scheduling.write.StateWriter}, waits for the kills of KILL_EXISTING, and
 * picks up after a failover from what the log holds. The decisions (schedule syntax and fire
 * times, collision policies, what the tasks say about past runs) are the pure
 * {@code io.aurora.scheduling.cron} package's. Threads are injected: the trigger writes run on
 * the executor given, the timers on whatever runs the timer queue.
 */
package io.aurora.scheduling.crontrigger;
