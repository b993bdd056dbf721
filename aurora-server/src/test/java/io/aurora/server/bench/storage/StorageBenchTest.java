package io.aurora.server.bench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageBenchTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return new StorageBench().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void help_listsTheFlags() throws Exception {
    assertThat(run("-help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: aurora-bench storage")
        .contains("-tasks").contains("-write_seconds");
  }

  @Test
  void impossibleSizes_areRejected() throws Exception {
    assertThat(run("-tasks=5", "-jobs=10")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("aurora-bench storage:");
  }
}
