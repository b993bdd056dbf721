package io.aurora.server.bench.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.server.bench.Bench;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines of {@code log} and {@code log-peer}: one line, status 1, nothing started. */
class BenchArgumentsTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Bench bench, String... args) throws Exception {
    return bench.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errLine() {
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1);
    err.reset();
    return lines.get(0);
  }

  @Test
  void log_rejectsBadFlags_withOneLine() throws Exception {
    assertThat(run(new LogBench(), "-replicas=3", "-quorum=1")).isEqualTo(1);
    assertThat(errLine()).isEqualTo("aurora-bench log: -quorum must be a majority of the 3 replicas"
        + " (at least 2, at most 3): 1");
    assertThat(run(new LogBench(), "-concurrency=0")).isEqualTo(1);
    assertThat(errLine()).startsWith("aurora-bench log: -concurrency must be between 1 and");
    assertThat(run(new LogBench(), "-entry_bytes=lots")).isEqualTo(1);
    assertThat(errLine()).startsWith("aurora-bench log: ").contains("-entry_bytes");
    assertThat(run(new LogBench(), "-duration=0secs")).isEqualTo(1);
    assertThat(errLine()).startsWith("aurora-bench log: -duration must be positive");
    assertThat(run(new LogBench(), "-dir=" + dir.resolve("missing"))).isEqualTo(1);
    assertThat(errLine()).endsWith("is not a directory");
    assertThat(run(new LogBench(), "-replcas=3")).isEqualTo(1);
    assertThat(errLine()).startsWith("aurora-bench log: ").contains("-replcas");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void log_help_listsTheFlags() throws Exception {
    assertThat(run(new LogBench(), "-help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("-replicas", "-quorum",
        "-entry_bytes", "-concurrency", "-duration", "-warmup", "-dir");
  }

  @Test
  void peer_rejectsBadFlags_withOneLine() throws Exception {
    assertThat(run(new PeerDriver(), "-target=consul", "-endpoints=127.0.0.1:1", "-dir=" + dir))
        .isEqualTo(1);
    assertThat(errLine()).startsWith("aurora-bench log-peer: ").contains("-target");
    assertThat(run(new PeerDriver(), "-target=etcd", "-endpoints=127.0.0.1", "-dir=" + dir))
        .isEqualTo(1);
    assertThat(errLine()).isEqualTo("aurora-bench log-peer: -endpoints: '127.0.0.1' has no port");
    assertThat(run(new PeerDriver(), "-target=etcd", "-dir=" + dir)).isEqualTo(1);
    assertThat(errLine()).startsWith("aurora-bench log-peer: ").contains("-endpoints");
  }
}
