/**
 * Multi-process failover: a cluster of {@code bin/aurora-scheduler} processes with one {@code
 * bin/aurora-local-mesos}, all started from one unzipped distribution, and {@code aurora-bench
 * failover}, which SIGKILLs the leader and times the takeover. The distribution's {@code FailoverIT}
 * drives the same cluster.
 */
package io.aurora.server.bench.failover;
