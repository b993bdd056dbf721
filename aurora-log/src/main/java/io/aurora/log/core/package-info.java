/**
 * The deterministic Multi-Paxos core of the replicated log: {@link io.aurora.log.core.ReplicaCore}
 * takes messages and commands in and returns a {@link io.aurora.log.core.Ready} (records to persist,
 * messages to send, entries learned, outcomes for callers). The same state and input always give
 * the same output.
 *
 * <p>This package must not import {@code java.io}, {@code java.nio}, {@code java.net},
 * {@code java.util.concurrent}, threads or the wall clock; aurora-server's
 * {@code ArchitectureTest} keeps it so. Time is {@link io.aurora.log.core.ReplicaCore#tick() ticks} that the runtime decides the length of.
 */
package io.aurora.log.core;
