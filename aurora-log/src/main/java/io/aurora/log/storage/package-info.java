/**
 * Durable per-replica storage for the replicated log: opaque byte records keyed by position, plus one
 * metadata record (the replica's promise and status, encoded by the caller).
 *
 * <p>{@link io.aurora.log.storage.LogStorage} is the contract; {@link
 * io.aurora.log.storage.FileLogStorage} keeps records in append-only, CRC-checked segment files and
 * {@link io.aurora.log.storage.MemoryLogStorage} keeps them in heap for tests and simulations.
 *
 * <p>This package knows nothing about Paxos: it must not import {@code io.aurora.log.core}, {@code
 * io.aurora.log.runtime}, {@code io.aurora.log.transport} or {@code io.aurora.log.discovery}.
 * {@link java.io.IOException} never leaves it: callers see the unchecked {@link
 * io.aurora.log.storage.LogStorageException} with the cause attached.
 */
package io.aurora.log.storage;
