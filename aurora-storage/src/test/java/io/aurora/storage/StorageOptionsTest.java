package io.aurora.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorageOptionsTest {
  private static final Path BACKUPS = Path.of("/var/lib/aurora/backups");

  @Test
  void acceptsAurorasDefaults() {
    StorageOptions o = new StorageOptions(Duration.ofHours(1), 512 * 1024, BACKUPS, Duration.ofHours(1), 48);
    assertThat(o.maxEntrySizeBytes()).isEqualTo(512 * 1024);
  }

  @Test
  void rejectsValuesThatCannotWork_namingTheFlag() {
    assertThatThrownBy(() -> new StorageOptions(Duration.ZERO, 512 * 1024, BACKUPS, Duration.ofHours(1), 48))
        .hasMessageStartingWith("-dlog_snapshot_interval");
    assertThatThrownBy(() -> new StorageOptions(Duration.ofHours(1), 100, BACKUPS, Duration.ofHours(1), 48))
        .hasMessageStartingWith("-dlog_max_entry_size");
    assertThatThrownBy(() -> new StorageOptions(Duration.ofHours(1), 512 * 1024, BACKUPS, Duration.ofHours(1), 0))
        .hasMessageStartingWith("-max_saved_backups");
  }

  @Test
  void defaults_areTheFlagsDefaults_andWithersChangeOneSetting() {
    StorageOptions o = StorageOptions.DEFAULTS.withBackupDir(BACKUPS)
        .withSnapshotInterval(Duration.ofMinutes(10));
    assertThat(o).isEqualTo(new StorageOptions(Duration.ofMinutes(10), 512 * 1024, BACKUPS,
        Duration.ofHours(1), 48));
    assertThat(o.withBackups(Duration.ofMinutes(5), 3).maxSavedBackups()).isEqualTo(3);
    assertThat(o.withMaxEntrySizeBytes(4096).maxEntrySizeBytes()).isEqualTo(4096);
    assertThatThrownBy(() -> o.withBackups(Duration.ofMinutes(5), 0))
        .hasMessageStartingWith("-max_saved_backups");
  }
}
