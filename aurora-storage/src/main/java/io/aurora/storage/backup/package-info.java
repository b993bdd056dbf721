/**
 * Backup files: one {@link io.aurora.gen.storage.Snapshot} per file, written atomically into the
 * backup directory and pruned to a maximum count; and the staged recovery
 * ({@link io.aurora.storage.backup.RecoveryStage}), a backup loaded whole into its own in-memory
 * state, apart from the live storage, until it is committed or unloaded. The format is documented on
 * {@link io.aurora.storage.backup.BackupDirectory} and in {@code docs/storage.md}; it is fixed so
 * that backups can be read offline and restored by later tools.
 */
package io.aurora.storage.backup;
