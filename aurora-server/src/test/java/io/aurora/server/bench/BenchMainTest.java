package io.aurora.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMainTest {
  /** Records how it was called. */
  static final class RecordingBench implements Bench {
    final List<List<String>> calls = new ArrayList<>();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public String description() {
      return "Records its arguments.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
      calls.add(List.copyOf(args));
      return 0;
    }
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(BenchMain main, String... args) {
    return main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void discover_findsFsyncThroughServiceLoader() {
    assertThat(run(BenchMain.discover(), "-help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("fsync").contains("Usage: aurora-bench");
  }

  @Test
  void discover_findsStorageThroughServiceLoader() {
    assertThat(run(BenchMain.discover(), "-help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("storage");
  }

  @Test
  void noArguments_listsBenchmarksAndFails() {
    assertThat(run(new BenchMain(List.of(new RecordingBench())))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("recording  Records its arguments.");
  }

  @Test
  void subcommand_receivesTheRemainingArguments() {
    RecordingBench bench = new RecordingBench();
    assertThat(run(new BenchMain(List.of(bench)), "recording", "-a=1", "-b")).isZero();
    assertThat(bench.calls).containsExactly(List.of("-a=1", "-b"));
  }

  @Test
  void unknownSubcommand_failsWithOneLine() {
    assertThat(run(new BenchMain(List.of(new RecordingBench())), "nope")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "aurora-bench: unknown benchmark 'nope' (run with -help to list them)");
  }
}
