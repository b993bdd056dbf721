package io.aurora.server.recover;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.aurora.gen.storage.Snapshot;
import io.aurora.log.runtime.ReplicaSeeder;
import io.aurora.server.flags.DataSize;
import io.aurora.storage.StorageException;
import io.aurora.storage.backup.BackupDirectory;
import io.aurora.storage.durable.RestoreEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/aurora-recover}: writes a backup into one wiped replica directory, as a new log whose
 * first entry is the backup's state. Run it with the same backup on every replica of the
 * scheduler (see docs/deploying.md, "Backups"), then start the schedulers.
 *
 * <p>The entries are the same bytes on every machine ({@link RestoreEncoder}); the digest it prints
 * lets an operator check that each replica got the same log.
 */
@Command(name = "aurora-recover", mixinStandardHelpOptions = true,
    description = "Writes a scheduler backup into an empty replica directory as a new log. Run it"
        + " on every replica with the same backup while all schedulers are stopped.")
public final class RecoverMain implements Callable<Integer> {
  @Option(names = "-backup", required = true,
      description = "The backup file (a scheduler-backup-yyyy-MM-dd-HH-mm from -backup_dir)")
  Path backup;

  @Option(names = "-native_log_file_path", required = true,
      description = "This replica's log directory, as the scheduler's flag of the same name;"
          + " it must be empty")
  Path logDir;

  @Option(names = "-dlog_max_entry_size", defaultValue = "512KB",
      description = "Entries larger than this are split into frames, as the scheduler's flag of"
          + " the same name (default ${DEFAULT-VALUE})")
  String maxEntrySize;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long entrySize;
    try {
      entrySize = DataSize.parse(maxEntrySize).bytes();
    } catch (IllegalArgumentException e) {
      err.println("-dlog_max_entry_size: " + e.getMessage());
      return 2;
    }
    try {
      Snapshot snapshot = BackupDirectory.read(backup);
      List<byte[]> entries = RestoreEncoder.forEmptyLog(snapshot, entrySize);
      long last = ReplicaSeeder.seed(logDir, entries);
      out.printf("Restored %s (taken %s: %d tasks, %d jobs, %d cron jobs) into %s as log"
              + " positions 1-%d.%n", backup.getFileName(),
          Instant.ofEpochMilli(snapshot.getTimestampMs()), snapshot.getTasksSize(),
          snapshot.getJobConfigurationsSize(), snapshot.getCronJobsSize(), logDir, last);
      out.printf("Log digest: %s (must be the same on every replica)%n", digest(entries));
      out.flush();
      return 0;
    } catch (StorageException | IllegalStateException | IllegalArgumentException e) {
      err.println("aurora-recover: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /** SHA-256 over the entries, each preceded by its length. */
  static String digest(List<byte[]> entries) {
    Hasher hasher = Hashing.sha256().newHasher();
    for (byte[] entry : entries) {
      hasher.putInt(entry.length).putBytes(entry);
    }
    return hasher.hash().toString();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new RecoverMain()).execute(args));
  }
}
