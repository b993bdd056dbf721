/**
 * {@code aurora-bench log} and {@code aurora-bench log-peer}: durable append throughput and latency
 * of our replicated log, and of etcd and ZooKeeper driven the same way, so that the three can be
 * compared side by side on one machine.
 *
 * <p>{@link io.aurora.server.bench.log.LogBench} runs the replicas as separate JVMs on 127.0.0.1
 * (the writer inside the benchmark's own replica, as in the scheduler);
 * {@link io.aurora.server.bench.log.PeerDriver} drives an etcd or ZooKeeper cluster that the
 * scripts in {@code bench-peers/} started. Both use {@link io.aurora.server.bench.log.ClosedLoop}
 * and print a {@link io.aurora.server.bench.log.LogBenchReport}. {@link
 * io.aurora.server.bench.log.LogCluster} starts the replicas for this and the storage and schedule
 * benchmarks. Nothing here is used by the
 * scheduler itself; it must not be imported outside {@code io.aurora.server.bench}.
 */
package io.aurora.server.bench.log;
