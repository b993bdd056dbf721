/**
 * {@code aurora-bench cron}: how late many cron templates due in the same minute start their
 * runs, on a durable replicated log with the embedded Mesos master's simulated agents. Benchmark
 * code only: nothing here is used by the scheduler.
 */
package io.aurora.server.bench.cron;
