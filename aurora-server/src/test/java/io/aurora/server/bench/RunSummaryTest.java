package io.aurora.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  private static List<ObjectNode> lines(String... json) {
    return Arrays.stream(json).map(l -> RunSummary.parseLine(l).orElseThrow()).toList();
  }

  @Test
  void oddRuns_medianIsTheMiddleValue_worstTimeIsTheHighest() {
    RunSummary summary = RunSummary.of("storage", lines(
        "{\"bench\":\"storage\",\"max_writer_pause_ms\":21}",
        "{\"bench\":\"storage\",\"max_writer_pause_ms\":37}",
        "{\"bench\":\"storage\",\"max_writer_pause_ms\":12}"));

    assertThat(summary.jsonLine()).isEqualTo("{\"bench\":\"storage\",\"runs\":3,"
        + "\"max_writer_pause_ms\":{\"median\":21,\"worst\":37,\"worst_run\":2,\"each\":[21,37,12]}}");
  }

  @Test
  void evenRuns_medianIsTheMeanOfTheTwoMiddleValues() {
    RunSummary summary = RunSummary.of("log", lines(
        "{\"p99_ms\":4.2}", "{\"p99_ms\":1.0}", "{\"p99_ms\":3.1}", "{\"p99_ms\":9.9}"));

    assertThat(summary.json().get("p99_ms").get("median").decimalValue()).isEqualByComparingTo("3.65");
    assertThat(summary.json().get("p99_ms").get("worst").decimalValue()).isEqualByComparingTo("9.9");
  }

  @Test
  void evenRuns_ofWholeNumbers_giveAWholeMedianWhenTheMeanIsWhole() {
    RunSummary summary = RunSummary.of("x", lines("{\"ms\":20}", "{\"ms\":22}"));

    assertThat(summary.jsonLine()).contains("\"median\":21,");
  }

  @Test
  void rates_worstIsTheLowest() {
    RunSummary summary = RunSummary.of("schedule", lines(
        "{\"placed_per_sec\":18087.5}", "{\"placed_per_sec\":9005.0}", "{\"placed_per_sec\":14536.2}"));

    assertThat(summary.jsonLine()).contains(
        "\"placed_per_sec\":{\"median\":14536.2,\"worst\":9005.0,\"worst_run\":2,"
            + "\"each\":[18087.5,9005.0,14536.2]}");
  }

  @Test
  void sameValueInEveryRun_isPrintedOnceAsItIs() {
    RunSummary summary = RunSummary.of("storage", lines(
        "{\"bench\":\"storage\",\"tasks\":100000,\"snapshot_ms\":700}",
        "{\"bench\":\"storage\",\"tasks\":100000,\"snapshot_ms\":650}"));

    assertThat(summary.jsonLine()).startsWith("{\"bench\":\"storage\",\"runs\":2,\"tasks\":100000,"
        + "\"snapshot_ms\":{");
    assertThat(summary.table()).contains("  same in every run: bench=storage tasks=100000");
  }

  @Test
  void nonNumericValuesThatDiffer_orAKeyMissingFromARun_listEachRun() {
    RunSummary summary = RunSummary.of("x", lines(
        "{\"dir\":\"/a\",\"seconds\":1}", "{\"dir\":\"/b\"}"));

    assertThat(summary.jsonLine()).isEqualTo("{\"bench\":\"x\",\"runs\":2,"
        + "\"dir\":{\"each\":[\"/a\",\"/b\"]},\"seconds\":{\"each\":[1,null]}}");
    assertThat(summary.worstRuns()).isEmpty();
  }

  @Test
  void booleans_thatAgree_areConstants() {
    RunSummary summary = RunSummary.of("fsync", lines(
        "{\"sync_metadata\":false,\"fsyncs_per_sec\":900.1}", "{\"sync_metadata\":false,\"fsyncs_per_sec\":800.7}"));

    assertThat(summary.constants()).containsOnlyKeys("sync_metadata");
    assertThat(summary.table()).contains("  same in every run: sync_metadata=false");
  }

  @Test
  void worstRuns_groupKeysByTheRunThatWasWorst() {
    RunSummary summary = RunSummary.of("x", lines(
        "{\"a_ms\":5,\"b_per_sec\":10,\"c_ms\":1}",
        "{\"a_ms\":9,\"b_per_sec\":20,\"c_ms\":3}",
        "{\"a_ms\":7,\"b_per_sec\":30,\"c_ms\":2}"));

    assertThat(summary.worstRuns()).containsExactly(
        java.util.Map.entry(1, List.of("b_per_sec")), java.util.Map.entry(2, List.of("a_ms", "c_ms")));
  }

  @Test
  void worstTie_namesTheFirstRunWithThatValue() {
    RunSummary summary = RunSummary.of("x", lines("{\"ms\":1}", "{\"ms\":4}", "{\"ms\":4}"));

    assertThat(summary.json().get("ms").get("worst_run").asInt()).isEqualTo(2);
  }

  @Test
  void table_hasOneRowPerVaryingKey_withMedianWorstRunAndEach() {
    RunSummary summary = RunSummary.of("fsync", lines(
        "{\"bench\":\"fsync\",\"fsyncs_per_sec\":1000.5,\"max_us\":800}",
        "{\"bench\":\"fsync\",\"fsyncs_per_sec\":900.5,\"max_us\":1200}"));

    assertThat(summary.table()).containsExactly(
        "fsync: 2 runs (worst: the lowest of a *_per_sec rate, the highest of anything else)",
        "  key                   median         worst    run  each run",
        "  fsyncs_per_sec         950.5         900.5      2  1000.5 900.5",
        "  max_us                  1000          1200      2  800 1200",
        "  same in every run: bench=fsync");
  }

  @Test
  void parseLine_acceptsOnlyAJsonObject() {
    assertThat(RunSummary.parseLine("{\"a\":1}")).isPresent();
    assertThat(RunSummary.parseLine("  {\"a\":1}  ")).isPresent();
    assertThat(RunSummary.parseLine("{not json}")).isEmpty();
    assertThat(RunSummary.parseLine("[1,2]")).isEmpty();
    assertThat(RunSummary.parseLine("placed 10000 tasks")).isEmpty();
  }

  @Test
  void noRuns_isRejected() {
    assertThatThrownBy(() -> RunSummary.of("x", List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
