/**
 * The storage abstraction of the scheduler: {@link io.aurora.storage.Storage#read read} and
 * {@link io.aurora.storage.Storage#write write} transactions over stores (tasks, jobs, cron jobs,
 * quotas, host attributes, job updates, scheduler metadata, host maintenance).
 *
 * <p>Implementations: {@code io.aurora.storage.mem.MemStorage} (volatile, for tests and tools) and
 * {@code io.aurora.storage.durable.DurableStorage} (every write is durable in the replicated log
 * before it is visible). Values crossing this API are Thrift structs; every struct a store returns
 * is the caller's own copy, so callers may modify it freely, and every struct a caller passes in is
 * copied before it is kept. This package holds interfaces and values only: no IO, no threads.
 */
package io.aurora.storage;
