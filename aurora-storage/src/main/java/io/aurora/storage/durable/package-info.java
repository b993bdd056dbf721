/**
 * The durable storage: {@link io.aurora.storage.durable.DurableStorage} makes every write
 * transaction durable in the replicated log ({@code io.aurora.log}) before it is visible, with
 * group commit, framing of large entries, snapshots, recovery, hot-standby following and backups.
 *
 * <p>Only the public API of {@code io.aurora.log} is used. The log format is
 * {@code storage.thrift}'s {@code LogEntry}; {@code docs/storage.md} describes it for operators.
 */
package io.aurora.storage.durable;
