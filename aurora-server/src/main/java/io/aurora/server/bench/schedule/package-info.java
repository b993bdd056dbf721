/**
 * {@code aurora-bench schedule}: placement and end-to-end launch throughput of the scheduling
 * runtime on a durable replicated log, against a recording driver and against the embedded Mesos
 * master's simulated agents. Benchmark code only: nothing here is used by the scheduler.
 */
package io.aurora.server.bench.schedule;
