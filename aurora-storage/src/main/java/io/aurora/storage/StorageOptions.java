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

  /** {@code -dlog_snapshot_interval}'s default: a snapshot an hour. */
  public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofHours(1);
  /** {@code -dlog_max_entry_size}'s default, 512 KiB. */
  public static final long DEFAULT_MAX_ENTRY_SIZE_BYTES = 512 * 1024;
  /** {@code -backup_interval}'s default: a backup an hour. */
  public static final Duration DEFAULT_BACKUP_INTERVAL = Duration.ofHours(1);
  /** {@code -max_saved_backups}'s default. */
  public static final int DEFAULT_MAX_SAVED_BACKUPS = 48;

  /**
   * The scheduler's defaults, with backups in {@code ./backups} (the daemon requires
   * {@code -backup_dir}; set it with {@link #withBackupDir}).
   */
  public static final StorageOptions DEFAULTS = new StorageOptions(DEFAULT_SNAPSHOT_INTERVAL,
      DEFAULT_MAX_ENTRY_SIZE_BYTES, Path.of("backups"), DEFAULT_BACKUP_INTERVAL,
      DEFAULT_MAX_SAVED_BACKUPS);

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

  /** These options with backups written to {@code dir}. */
  public StorageOptions withBackupDir(Path dir) {
    return new StorageOptions(snapshotInterval, maxEntrySizeBytes, dir, backupInterval,
        maxSavedBackups);
  }

  /** These options with a snapshot every {@code interval}. */
  public StorageOptions withSnapshotInterval(Duration interval) {
    return new StorageOptions(interval, maxEntrySizeBytes, backupDir, backupInterval,
        maxSavedBackups);
  }

  /** These options splitting log entries larger than {@code bytes} into frames. */
  public StorageOptions withMaxEntrySizeBytes(long bytes) {
    return new StorageOptions(snapshotInterval, bytes, backupDir, backupInterval,
        maxSavedBackups);
  }

  /** These options with a backup every {@code interval}, keeping the latest {@code kept}. */
  public StorageOptions withBackups(Duration interval, int kept) {
    return new StorageOptions(snapshotInterval, maxEntrySizeBytes, backupDir, interval, kept);
  }
}
