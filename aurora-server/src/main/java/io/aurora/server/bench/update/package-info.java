/**
 * {@code aurora-bench update}: how fast a rolling job update, and the rollback of a version that
 * fails, move a large service job on a durable replicated log and the embedded Mesos master's
 * simulated agents. Benchmark code only: nothing here is used by the scheduler.
 */
package io.aurora.server.bench.update;
