package io.aurora.server.recover;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.storage.SchedulerMetadata;
import io.aurora.gen.storage.Snapshot;
import io.aurora.storage.backup.BackupDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bin/aurora-recover}'s command line: what it writes, prints and refuses. */
class RecoverMainTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line = new CommandLine(new RecoverMain());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private Path backup() {
    Snapshot snapshot = new Snapshot().setTimestampMs(1_765_141_200_000L).setSchemaVersion(1)
        .setSchedulerMetadata(new SchedulerMetadata(new HashMap<>()).setFrameworkId("fw-1"))
        .setTaskConfigs(List.of()).setTasks(List.of()).setJobConfigurations(List.of())
        .setCronJobs(List.of()).setQuotas(List.of()).setHostAttributes(List.of())
        .setJobUpdateDetails(List.of()).setHostMaintenanceRequests(List.of());
    return new BackupDirectory(dir.resolve("backups"), 5,
        Clock.fixed(Instant.ofEpochMilli(1_765_141_200_000L), ZoneOffset.UTC)).write(snapshot);
  }

  @Test
  void writesTheBackup_printsADigest_andRefusesADirectoryThatHoldsALog() {
    Path backup = backup();
    assertThat(run("-backup=" + backup, "-native_log_file_path=" + dir.resolve("a")))
        .isEqualTo(0);
    assertThat(run("-backup=" + backup, "-native_log_file_path=" + dir.resolve("b")))
        .isEqualTo(0);
    List<String> digests = out.toString().lines().filter(l -> l.startsWith("Log digest: "))
        .toList();
    assertThat(digests).hasSize(2);
    assertThat(digests.get(0)).isEqualTo(digests.get(1));
    assertThat(out.toString()).contains("Restored scheduler-backup-2025-12-07-21-00 (taken"
        + " 2025-12-07T21:00:00Z: 0 tasks, 0 jobs, 0 cron jobs) into " + dir.resolve("a")
        + " as log positions 1-1.");

    assertThat(run("-backup=" + backup, "-native_log_file_path=" + dir.resolve("a")))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("aurora-recover: the replica directory "
        + dir.resolve("a") + " already holds a log;").doesNotContain("\tat ");
  }

  @Test
  void aTruncatedBackup_isRefused_andNothingIsWritten() throws Exception {
    Path backup = backup();
    byte[] bytes = Files.readAllBytes(backup);
    Files.write(backup, Arrays.copyOf(bytes, bytes.length - 2));
    assertThat(run("-backup=" + backup, "-native_log_file_path=" + dir.resolve("log")))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("aurora-recover: cannot read backup ")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("log")).doesNotExist();
  }

  @Test
  void missingFlags_areAUsageError() {
    assertThat(run("-native_log_file_path=" + dir)).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '-backup=<backup>'");
  }
}
