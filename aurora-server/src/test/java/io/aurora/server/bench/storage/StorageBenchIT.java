package io.aurora.server.bench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the storage benchmark on a real 3-replica log. */
class StorageBenchIT {
  @TempDir
  Path dir;

  @Test
  void smallRun_endsWithTheJsonLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = new StorageBench().run(List.of("-dir=" + dir, "-tasks=500", "-jobs=10",
        "-writers=4", "-write_seconds=2"), new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err);
    assertThat(status).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("{\"bench\":\"storage\",\"tasks\":500,")
        .contains("\"heap_used_mib\":").contains("\"write_txn_per_sec\":")
        .contains("\"snapshot_ms\":").contains("\"max_writer_pause_ms\":")
        .contains("\"cold_recovery_ms\":").contains("\"follower_lag_p99_ms\":");
    assertThat(lines).anyMatch(l -> l.startsWith("cold recovery of 500 tasks"));
  }
}
