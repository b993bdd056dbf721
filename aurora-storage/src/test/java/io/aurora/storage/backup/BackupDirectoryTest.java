package io.aurora.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.storage.SchedulerMetadata;
import io.aurora.gen.storage.Snapshot;
import io.aurora.storage.StorageException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.zip.InflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupDirectoryTest {
  @TempDir
  Path dir;

  private static Snapshot snapshot(String frameworkId) {
    return new Snapshot().setTimestampMs(5L).setSchemaVersion(1)
        .setSchedulerMetadata(new SchedulerMetadata(new HashMap<>()).setFrameworkId(frameworkId))
        .setTaskConfigs(List.of()).setTasks(List.of()).setJobConfigurations(List.of())
        .setCronJobs(List.of()).setQuotas(List.of()).setHostAttributes(List.of())
        .setJobUpdateDetails(List.of()).setHostMaintenanceRequests(List.of());
  }

  @Test
  public void write_namesByMinute_keepsAtMostN_andReadsBack() {
    Instant start = Instant.parse("2026-11-25T10:00:00Z");
    for (int i = 0; i < 4; i++) {
      Clock clock = Clock.fixed(start.plus(Duration.ofMinutes(61L * i)), ZoneOffset.UTC);
      new BackupDirectory(dir, 2, clock).write(snapshot("fw-" + i));
    }
    BackupDirectory backups = new BackupDirectory(dir, 2, Clock.systemUTC());
    assertThat(backups.list()).containsExactly("scheduler-backup-2026-11-25-12-02",
        "scheduler-backup-2026-11-25-13-03");
    assertThat(backups.read("scheduler-backup-2026-11-25-13-03")).isEqualTo(snapshot("fw-3"));
  }

  @Test
  public void format_isHeaderThenZlibOfTheThriftSnapshot() throws Exception {
    Path file = new BackupDirectory(dir, 1, Clock.systemUTC()).write(snapshot("fw"));
    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, 0, BackupDirectory.HEADER.length(), StandardCharsets.US_ASCII))
        .isEqualTo("AURORA-BACKUP 1 deflate\n");
    ByteArrayOutputStream inflated = new ByteArrayOutputStream();
    try (InflaterOutputStream out = new InflaterOutputStream(inflated)) {
      out.write(bytes, BackupDirectory.HEADER.length(), bytes.length - BackupDirectory.HEADER.length());
    }
    Snapshot decoded = new Snapshot();
    new org.apache.thrift.TDeserializer(new org.apache.thrift.protocol.TBinaryProtocol.Factory())
        .deserialize(decoded, inflated.toByteArray());
    assertThat(decoded).isEqualTo(snapshot("fw"));
  }

  @Test
  public void notABackup_isRejected() throws Exception {
    Path bogus = Files.writeString(dir.resolve("scheduler-backup-x"), "hello, world, not a backup");
    assertThatThrownBy(() -> BackupDirectory.read(bogus)).isInstanceOf(StorageException.class)
        .hasMessageContaining("bad header");
  }
}
