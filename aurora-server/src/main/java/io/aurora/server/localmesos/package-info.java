/**
 * The embedded Mesos master ({@code -mesos_master_address=local}, or alone as
 * {@code bin/aurora-local-mesos}): the scheduler side of the Mesos v1 HTTP API on 127.0.0.1, with
 * local agents that run tasks as real processes and simulated agents that run nothing.
 *
 * <p>{@link io.aurora.server.localmesos.LocalMesos} is the entry point; everything else is
 * package-private. This package uses the scheduling module's Mesos encodings and RecordIO, never
 * its client: the client must not be able to tell this master from a real one.
 */
package io.aurora.server.localmesos;
