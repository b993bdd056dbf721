/**
 * Following a log: one subscription of {@link io.aurora.log.Reader#follow}, shared by every
 * {@link io.aurora.log.ReplicatedLog} implementation. A subscription pulls learned entries from its
 * log whenever the log says that more were learned, so it needs nothing from the log but a way to
 * read a position and the current end.
 */
package io.aurora.log.follow;
