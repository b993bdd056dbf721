package io.aurora.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void runsAndEvidenceDir_areNotPassedToTheBenchmark() {
    RecordingBench bench = new RecordingBench();
    assertThat(run(new BenchMain(List.of(bench)), "recording", "-runs=1", "-a=1")).isZero();
    assertThat(bench.calls).containsExactly(List.of("-a=1"));
  }

  @Test
  void badRuns_failWithOneLine_withoutRunningTheBenchmark() {
    RecordingBench bench = new RecordingBench();
    BenchMain main = new BenchMain(List.of(bench));
    assertThat(run(main, "recording", "-runs=0")).isEqualTo(1);
    assertThat(run(main, "recording", "-runs=abc")).isEqualTo(1);
    assertThat(bench.calls).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "aurora-bench recording: -runs must be at least 1, not 0",
        "aurora-bench recording: -runs must be a whole number, not 'abc'");
  }

  @Test
  void evidenceDirThatIsAFile_failsWithOneLine(@TempDir Path tmp) throws Exception {
    Path file = Files.createFile(tmp.resolve("f"));
    assertThat(run(new BenchMain(List.of(new RecordingBench())), "recording", "-evidence_dir=" + file))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "aurora-bench recording: -evidence_dir is not a directory: " + file);
  }

  @Test
  void help_ofABenchmark_endsWithTheRepeatFlags() {
    RecordingBench bench = new RecordingBench();
    assertThat(run(new BenchMain(List.of(bench)), "recording", "-runs=3", "-help")).isZero();
    assertThat(bench.calls).containsExactly(List.of("-help"));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("-runs=<int>").contains("-evidence_dir=<path>");
  }

  @Test
  void runsAboveOne_startAChildPerRun_withTheNameAndTheRemainingArguments() {
    RecordingBench bench = new RecordingBench();
    RepeatedRuns children = new RepeatedRuns(
        List.of("sh", "-c", "echo \"args $*\"; echo '{\"a\":1}'", "sh"), List.of());
    assertThat(run(new BenchMain(List.of(bench), children), "recording", "-runs=2", "-a=1")).isZero();
    assertThat(bench.calls).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .contains("[run 1/2] args recording -a=1", "[run 2/2] args recording -a=1")
        .endsWith("{\"bench\":\"recording\",\"runs\":2,\"a\":1}");
  }
}
