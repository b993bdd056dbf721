package io.aurora.storage;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the durable storage snapshots, frames and backs up its state. Messages name the scheduler
 * flags that set each value, since that is where an operator fixes them.
 *
 * @param snapshotInterval how often a snapshot of all stores is written to the log
 *     ({@code -dlog_snapshot_interval})
 * @param maxEntrySizeBytes log entries larger than this are split into frames
 *     ({@code -dlog_max_entry_size})
 * @param backupDir where backups are written ({@code -backup_dir})
 * @param backupInterval how often a backup is written ({@code -backup_interval})
 * @param maxSavedBackups how many backups are kept before the oldest is deleted
 *     ({@code -max_saved_backups})
 */
public record StorageOptions(
    Duration snapshotInterval,
    long maxEntrySizeBytes,
    Path backupDir,
    Duration backupInterval,
    int maxSavedBackups) {
  public StorageOptions {
    Objects.requireNonNull(snapshotInterval, "snapshotInterval");
    Objects.requireNonNull(backupDir, "backupDir");
    Objects.requireNonNull(backupInterval, "backupInterval");
    checkArgument(!backupDir.toString().isEmpty(), "-backup_dir must not be empty");
    checkArgument(snapshotInterval.compareTo(Duration.ZERO) > 0,
        "-dlog_snapshot_interval must be positive, got %s", snapshotInterval);
    checkArgument(maxEntrySizeBytes >= 1024,
        "-dlog_max_entry_size must be at least 1KB, got %s bytes", maxEntrySizeBytes);
    checkArgument(backupInterval.compareTo(Duration.ZERO) > 0,
        "-backup_interval must be positive, got %s", backupInterval);
    checkArgument(maxSavedBackups >= 1,
        "-max_saved_backups must be at least 1, got %s", maxSavedBackups);
  }
}
