/**
 * In-memory stores built for size and for lock-free reads.
 *
 * <p>All state is one immutable {@link io.aurora.storage.mem.StoreState} made of
 * {@link io.aurora.storage.mem.PersistentMap}s: a write builds the next version in a
 * {@link io.aurora.storage.mem.StateDraft} (sharing everything it does not touch), readers and
 * snapshots keep whichever version they started with. Task configs are stored once per distinct
 * config (by config id) and tasks refer to them, so the instances of a job share one config.
 * Every change goes through {@link io.aurora.storage.mem.StateDraft#apply} as a log
 * {@link io.aurora.gen.storage.Op}, the same code path replay uses.
 *
 * <p>No IO and no threads here; {@link io.aurora.storage.mem.MemStorage} is the volatile
 * {@link io.aurora.storage.Storage}, {@code io.aurora.storage.durable} the durable one.
 */
package io.aurora.storage.mem;
