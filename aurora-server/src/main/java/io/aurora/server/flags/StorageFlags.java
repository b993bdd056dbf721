package io.aurora.server.flags;

import com.google.common.net.HostAndPort;
import io.aurora.log.LogOptions;
import io.aurora.storage.StorageOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The replicated log (replica files, quorum, timeouts), snapshots and backups. */
public final class StorageFlags implements FlagGroup {
  @Option(names = "-native_log_quorum_size", defaultValue = "1",
      description = "Replicas that must accept a log write: floor(N/2)+1 for N schedulers (1->1, 3->2, 5->3, 7->4).")
  private int nativeLogQuorumSize;

  @Option(names = "-native_log_file_path", required = true,
      description = "Directory of this scheduler's log replica; put it on a disk with fast fsync.")
  private Path nativeLogFilePath;

  @Option(names = "-native_log_zk_group_path", required = true,
      description = "ZooKeeper path where log replicas register so they can find each other.")
  private String nativeLogZkGroupPath;

  @Option(names = "-native_log_election_timeout", defaultValue = "15secs",
      description = "How long one attempt to become the log's single writer may take.")
  private Duration nativeLogElectionTimeout;

  @Option(names = "-native_log_election_retries", defaultValue = "20",
      description = "Attempts to become the log's writer before the process gives up and exits.")
  private int nativeLogElectionRetries;

  @Option(names = "-native_log_read_timeout", defaultValue = "5secs",
      description = "How long one read from the log may take.")
  private Duration nativeLogReadTimeout;

  @Option(names = "-native_log_write_timeout", defaultValue = "3secs",
      description = "How long one append or truncation of the log may take before the process exits.")
  private Duration nativeLogWriteTimeout;

  @Option(names = "-dlog_snapshot_interval", defaultValue = "1hrs",
      description = "How often the whole state is written to the log as a snapshot, so older entries can go.")
  private Duration dlogSnapshotInterval;

  @Option(names = "-dlog_max_entry_size", defaultValue = "512KB",
      description = "Log entries larger than this are split into frames.")
  private DataSize dlogMaxEntrySize;

  @Option(names = "-backup_dir", required = true,
      description = "Directory where backups of the whole state are written. (not yet used: arrives with backups)")
  private Path backupDir;

  @Option(names = "-backup_interval", defaultValue = "1hrs",
      description = "How often a backup is written. (not yet used: arrives with backups)")
  private Duration backupInterval;

  @Option(names = "-max_saved_backups", defaultValue = "48",
      description = "Backups kept before the oldest is deleted. (not yet used: arrives with backups)")
  private int maxSavedBackups;

  @Override
  public String title() {
    return "Storage, replicated log and backups";
  }

  /** The durable storage's options. */
  public StorageOptions toStorageOptions() {
    return new StorageOptions(dlogSnapshotInterval, dlogMaxEntrySize.bytes(), backupDir, backupInterval,
        maxSavedBackups);
  }

  /**
   * This scheduler's log replica. It listens where {@code LIBPROCESS_IP}/{@code LIBPROCESS_PORT}
   * say, as in Mesos deployments; otherwise on the advertised host and a free port (published in
   * the ZooKeeper group). One tick lasts {@link LogOptions#DEFAULT_TICK_INTERVAL}.
   *
   * @param env the process environment
   * @param host the advertised host
   */
  public LogOptions toLogOptions(Map<String, String> env, String host) {
    HostAndPort address = LogOptions.replicaAddress(env, HostAndPort.fromParts(host, 0));
    return new LogOptions(nativeLogQuorumSize, nativeLogFilePath, address, List.of(),
        Optional.of(nativeLogZkGroupPath), nativeLogElectionTimeout, nativeLogElectionRetries,
        nativeLogWriteTimeout, nativeLogReadTimeout, LogOptions.DEFAULT_TICK_INTERVAL);
  }

  public int nativeLogQuorumSize() {
    return nativeLogQuorumSize;
  }

  public Path nativeLogFilePath() {
    return nativeLogFilePath;
  }

  public String nativeLogZkGroupPath() {
    return nativeLogZkGroupPath;
  }

  public Duration nativeLogElectionTimeout() {
    return nativeLogElectionTimeout;
  }

  public int nativeLogElectionRetries() {
    return nativeLogElectionRetries;
  }

  public Duration nativeLogReadTimeout() {
    return nativeLogReadTimeout;
  }

  public Duration nativeLogWriteTimeout() {
    return nativeLogWriteTimeout;
  }

  /**
   * Checks the log flags the way the log's option record will once it is wired in.
   *
   * @throws IllegalArgumentException naming the flag
   */
  void check() {
    if (nativeLogQuorumSize < 1) {
      throw new IllegalArgumentException("-native_log_quorum_size must be at least 1, got "
          + nativeLogQuorumSize + " (use floor(N/2)+1 for N schedulers)");
    }
    if (nativeLogFilePath.toString().isEmpty()) {
      throw new IllegalArgumentException("-native_log_file_path must not be empty");
    }
    if (!nativeLogZkGroupPath.startsWith("/")) {
      throw new IllegalArgumentException(
          "-native_log_zk_group_path must be an absolute ZooKeeper path, got '" + nativeLogZkGroupPath + "'");
    }
    positive("-native_log_election_timeout", nativeLogElectionTimeout);
    positive("-native_log_read_timeout", nativeLogReadTimeout);
    positive("-native_log_write_timeout", nativeLogWriteTimeout);
    if (nativeLogElectionRetries < 1) {
      throw new IllegalArgumentException(
          "-native_log_election_retries must be at least 1, got " + nativeLogElectionRetries);
    }
  }

  private static void positive(String flag, Duration value) {
    if (value.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException(flag + " must be positive, got " + DurationFormat.format(value));
    }
  }
}
