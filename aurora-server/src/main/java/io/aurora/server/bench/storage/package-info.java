/**
 * {@code aurora-bench storage}: the durable storage on a real 3-replica log on loopback (heap,
 * group-commit write rate, snapshot pause, cold recovery, follower lag), with the log started by
 * {@link io.aurora.server.bench.log.LogCluster}. Benchmark code only: nothing here is used by the
 * scheduler.
 */
package io.aurora.server.bench.storage;
