/**
 * Backup files: one {@link io.aurora.gen.storage.Snapshot} per file, written atomically into the
 * backup directory and pruned to a maximum count. The format is documented on
 * {@link io.aurora.storage.backup.BackupDirectory} and in {@code docs/storage.md}; it is fixed so
 * that backups can be read offline and restored by later tools.
 */
package io.aurora.storage.backup;
