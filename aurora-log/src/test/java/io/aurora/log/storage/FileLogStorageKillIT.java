package io.aurora.log.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL at random moments and checks what the directory holds: every
 * record the writer reported synced is there with its content, the log has no holes, and every
 * synced truncation holds.
 */
class FileLogStorageKillIT {
  @TempDir Path dir;

  @Test
  void sigkillDuringWrites_losesNothingSynced_andLeavesNoHoles() throws Exception {
    Random random = new Random(11);
    long syncedUpTo = -1;
    long truncatedTo = 0;
    for (int round = 0; round < 3; round++) {
      long start;
      try (FileLogStorage storage = FileLogStorage.open(dir)) {
        start = storage.lastPosition().orElse(-1) + 1;
      }
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"),
          StorageWriterProcess.class.getName(), dir.toString(), String.valueOf(start))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      int syncsBeforeKill = 10 + random.nextInt(60);
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int syncs = 0;
        String line;
        while (syncs < syncsBeforeKill && (line = out.readLine()) != null) {
          if (line.startsWith("synced ")) {
            syncedUpTo = Long.parseLong(line.substring(7));
            syncs++;
          } else if (line.startsWith("truncated ")) {
            truncatedTo = Math.max(truncatedTo, Long.parseLong(line.substring(10)));
          }
        }
        assertThat(syncs).as("child kept writing").isEqualTo(syncsBeforeKill);
        child.destroyForcibly(); // SIGKILL: no close, no final sync
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }

      try (FileLogStorage storage = FileLogStorage.open(dir)) {
        assertThat(storage.truncationPoint()).isGreaterThanOrEqualTo(truncatedTo);
        long first = storage.firstPosition().getAsLong();
        long last = storage.lastPosition().getAsLong();
        assertThat(first).isEqualTo(storage.truncationPoint());
        assertThat(last).isGreaterThanOrEqualTo(syncedUpTo);
        for (long p = first; p <= last; p++) {
          assertThat(storage.get(p)).as("round %s position %s", round, p)
              .hasValue(StorageWriterProcess.record(p));
        }
      }
    }
  }
}
