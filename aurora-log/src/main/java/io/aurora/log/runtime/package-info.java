/**
 * The runtime of the replicated log: {@link io.aurora.log.runtime.ReplicaLoop} is the only place
 * where the pure core, the storage, the transport and the replica group meet, and
 * {@link io.aurora.log.runtime.ReplicatedLogs} opens a replica from {@link io.aurora.log.LogOptions}.
 */
package io.aurora.log.runtime;
