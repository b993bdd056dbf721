package io.aurora.server.bench.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A short real run: three replicas, two of them child JVMs, real files and fsync on loopback. */
@Timeout(60)
class LogBenchIT {
  @TempDir Path dir;

  @Test
  void shortRun_threeReplicaProcesses_printsEveryKey_andLeavesNothingBehind() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new LogBench().run(List.of("-replicas=3", "-quorum=2", "-entry_bytes=512",
            "-concurrency=32", "-warmup=500ms", "-duration=2secs", "-seq_duration=500ms",
            "-fsync_writes=50", "-dir=" + dir, "-replica_jvm_opts=-Xmx128m -XX:TieredStopAtLevel=1"),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).as("stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    String json = lines.get(lines.size() - 1);
    for (String key : List.of("replicas", "quorum", "entry_bytes", "concurrency", "appends_per_sec",
        "p50_ms", "p99_ms", "p999_ms", "fsync_p50_ms", "seq_p50_ms")) {
      assertThat(json).contains("\"" + key + "\":");
    }
    assertThat(json).startsWith("{\"replicas\":3,\"quorum\":2,\"entry_bytes\":512,\"concurrency\":32,")
        .endsWith("}");
    assertThat(number(json, "appends_per_sec")).isPositive();
    assertThat(number(json, "seq_appends")).isPositive();
    assertThat(number(json, "fsync_p50_ms")).isPositive();
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
        .as("replica processes still running").isEmpty();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("scratch files left").isEmpty();
    }
  }

  private static double number(String json, String key) {
    String from = json.substring(json.indexOf("\"" + key + "\":") + key.length() + 3);
    return Double.parseDouble(from.split("[,}]", 2)[0]);
  }
}
