package io.aurora.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs "children" that are small shell scripts standing in for the JVM (each run counts itself in
 * a file), and once the real thing: the fsync benchmark in two child JVMs.
 */
class RepeatedRunsTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** A child that runs {@code body} with {@code $n} set to its run number (1, 2, ...). */
  private RepeatedRuns fake(String body) {
    String counter = tmp.resolve("n").toString();
    String script = "n=$(cat " + counter + " 2>/dev/null || echo 0); n=$((n+1)); echo $n > " + counter
        + "; " + body;
    return new RepeatedRuns(List.of("sh", "-c", script, "sh"), List.of());
  }

  private int run(RepeatedRuns runs, int n, Optional<Path> evidence, String... benchArgs)
      throws Exception {
    return runs.run("fake", new RepeatArgs(n, evidence, List.of(benchArgs)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private List<String> errLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private ObjectNode lastJson() {
    List<String> lines = outLines();
    return RunSummary.parseLine(lines.get(lines.size() - 1)).orElseThrow();
  }

  @Test
  void everyRun_isPassedThroughWithItsPrefix_thenSummed() throws Exception {
    int status = run(fake("echo \"hello from $n\"; echo \"{\\\"bench\\\":\\\"fake\\\",\\\"ms\\\":$((n*10))}\""),
        3, Optional.empty());

    assertThat(status).isZero();
    assertThat(outLines()).contains("[run 1/3] hello from 1", "[run 2/3] hello from 2",
        "[run 3/3] {\"bench\":\"fake\",\"ms\":30}");
    assertThat(outLines().get(outLines().size() - 1)).isEqualTo("{\"bench\":\"fake\",\"runs\":3,"
        + "\"ms\":{\"median\":20,\"worst\":30,\"worst_run\":3,\"each\":[10,20,30]}}");
    assertThat(errLines()).isEmpty();
  }

  @Test
  void theLastJsonLineOfARun_counts() throws Exception {
    run(fake("echo '{\"ms\":1}'; echo '{\"ms\":5}'; echo done"), 2, Optional.empty());

    assertThat(lastJson().get("ms").asInt()).isEqualTo(5);
  }

  @Test
  void standardError_isPassedThroughWithThePrefix() throws Exception {
    run(fake("echo \"warning $n\" >&2; echo '{\"ms\":1}'"), 2, Optional.empty());

    assertThat(errLines()).containsExactly("[run 1/2] warning 1", "[run 2/2] warning 2");
  }

  @Test
  void aRunThatFails_stopsTheRuns_withStatus2() throws Exception {
    int status = run(fake("echo '{\"ms\":1}'; [ $n -lt 2 ] || exit 3"), 3, Optional.empty());

    assertThat(status).isEqualTo(2);
    assertThat(errLines()).containsExactly("aurora-bench fake: run 2 of 3 exited with status 3");
    assertThat(outLines()).noneMatch(l -> l.startsWith("[run 3/3]"));
  }

  @Test
  void aRunWithoutAJsonLine_stopsTheRuns_withStatus2() throws Exception {
    int status = run(fake("echo 'no numbers today'"), 2, Optional.empty());

    assertThat(status).isEqualTo(2);
    assertThat(errLines()).containsExactly("aurora-bench fake: run 1 of 2 printed no JSON line");
  }

  @Test
  void aFirstRunRejectingItsArguments_exitsWithTheirStatus1() throws Exception {
    int status = run(fake("echo 'aurora-bench fake: -x is wrong' >&2; exit 1"), 2, Optional.empty(), "-x=1");

    assertThat(status).isEqualTo(1);
    assertThat(errLines()).containsExactly("[run 1/2] aurora-bench fake: -x is wrong",
        "aurora-bench fake: run 1 of 2 exited with status 1");
  }

  @Test
  void evidenceDir_isCreated_eachRunRecordsIntoIt_andTheWorstRunsAreNamed() throws Exception {
    Path dir = tmp.resolve("evidence");
    int status = run(fake("echo \"args: $*\"; echo \"{\\\"ms\\\":$((n*10)),\\\"x_per_sec\\\":$n}\""),
        2, Optional.of(dir), "-tasks=5");

    assertThat(status).isZero();
    assertThat(dir).isDirectory();
    assertThat(outLines()).contains("[run 2/2] args: -XX:StartFlightRecording=filename=" + dir
        + "/run-2.jfr,settings=profile,dumponexit=true -Xlog:gc*:file=" + dir
        + "/run-2-gc.log:time,uptime,level,tags fake -tasks=5");
    assertThat(outLines()).contains(
        "  worst run 1 (x_per_sec): " + dir + "/run-1.jfr " + dir + "/run-1-gc.log",
        "  worst run 2 (ms): " + dir + "/run-2.jfr " + dir + "/run-2-gc.log");
    assertThat(lastJson().get("evidence_dir").asText()).isEqualTo(dir.toString());
  }

  @Test
  void evidenceDir_thatCannotBeCreated_failsWithOneLine() throws Exception {
    Path file = Files.createFile(tmp.resolve("file"));

    int status = run(fake("echo '{}'"), 2, Optional.of(file.resolve("sub")));

    assertThat(status).isEqualTo(1);
    assertThat(errLines()).singleElement().asString()
        .startsWith("aurora-bench fake: cannot create -evidence_dir " + file.resolve("sub"));
  }

  /** The one test with real child JVMs: ServiceLoader finds the benchmark in each of them. */
  @Test
  void fsyncBench_twiceInChildJvms() throws Exception {
    ByteArrayOutputStream benchOut = new ByteArrayOutputStream();
    int status = BenchMain.discover().run(
        new String[] {"fsync", "-runs=2", "-writes=20", "-dir=" + tmp},
        new PrintStream(benchOut, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = benchOut.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).anyMatch(l -> l.startsWith("[run 1/2] {\"bench\":\"fsync\""))
        .anyMatch(l -> l.startsWith("[run 2/2] {\"bench\":\"fsync\""));
    ObjectNode summary = RunSummary.parseLine(lines.get(lines.size() - 1)).orElseThrow();
    assertThat(summary.get("bench").asText()).isEqualTo("fsync");
    assertThat(summary.get("runs").asInt()).isEqualTo(2);
    assertThat(summary.get("writes").asInt()).isEqualTo(20);
    List<JsonNode> varied = summary.findValues("each");
    assertThat(varied).isNotEmpty().allMatch(each -> each.size() == 2);
  }
}
