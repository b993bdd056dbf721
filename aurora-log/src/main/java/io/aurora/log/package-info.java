/**
 * The public API of aurora-log: a replicated log of opaque byte entries at increasing
 * {@link io.aurora.log.Position positions}.
 *
 * <p>Open a {@link io.aurora.log.ReplicatedLog} (in memory with {@link io.aurora.log.InMemoryLog}, or
 * replicated over the network with {@code io.aurora.log.runtime}), elect a {@link io.aurora.log.Writer}
 * to append, and use a {@link io.aurora.log.Reader} to read or follow learned entries. Errors are
 * {@link io.aurora.log.LogException}s. This package knows no Aurora types and must not import the
 * {@code core}, {@code storage}, {@code transport} or {@code runtime} packages.
 */
package io.aurora.log;
