/**
 * The runtime of the replicated log: {@link io.aurora.log.runtime.ReplicaLoop} is the only place
 * where the pure core, the storage, the transport and the replica group meet, and
 * {@link io.aurora.log.runtime.ReplicatedLogs} opens a replica from {@link io.aurora.log.LogOptions}.
 * {@link io.aurora.log.runtime.ReplicaSeeder} is the offline exception: it writes a new log's
 * records into a wiped replica directory through the storage, with no loop and no transport.
 */
package io.aurora.log.runtime;
