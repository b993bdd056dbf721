package io.aurora.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsyncBenchIT {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return new FsyncBench().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void measuresRealFsyncs_endsWithJson_andCleansUp() throws Exception {
    assertThat(run("-dir=" + dir, "-writes=20", "-write_size=512B")).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    String json = lines.get(lines.size() - 1);
    assertThat(json).startsWith("{\"bench\":\"fsync\"").endsWith("}")
        .contains("\"writes\":20", "\"write_bytes\":512", "\"fsyncs_per_sec\":", "\"p99_us\":");
    assertThat(lines.get(0)).contains("20 appends of 512B");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void badArguments_failWithOneLine() throws Exception {
    assertThat(run()).isEqualTo(1);
    assertThat(run("-dir=" + dir.resolve("missing"))).isEqualTo(1);
    assertThat(run("-dir=" + dir, "-writes=0")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .hasSize(3)
        .allMatch(line -> line.startsWith("aurora-bench fsync: "));
  }
}
