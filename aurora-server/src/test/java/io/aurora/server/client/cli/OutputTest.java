package io.aurora.server.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@link ProgressLine} on and off a terminal, and {@link TextTable}'s alignment. */
class OutputTest {
  private final StringWriter text = new StringWriter();

  @Test
  void progressLine_onATerminal_rewritesOneLineInPlace() {
    ProgressLine line = new ProgressLine(new PrintWriter(text), true);

    line.show("0 of 2 done, ROLLING_FORWARD");
    line.show("0 of 2 done, ROLLING_FORWARD");
    line.show("1 of 2 done, X");
    line.finish();

    assertThat(text.toString()).isEqualTo("\r0 of 2 done, ROLLING_FORWARD"
        + "\r1 of 2 done, X" + " ".repeat(14) + "\n");
  }

  @Test
  void progressLine_offATerminal_printsAPlainLinePerChange() {
    ProgressLine line = new ProgressLine(new PrintWriter(text), false);

    line.show("a");
    line.show("a");
    line.show("b");
    line.finish();

    assertThat(text.toString()).isEqualTo("a\nb\n");
  }

  @Test
  void textTable_alignsColumnsToTheirWidestCell() {
    new TextTable("JOB", "ID", "USER").row("www/prod/hello", "1", null).row("a/b/c", "22", "bob")
        .print(new PrintWriter(text));

    assertThat(text.toString().lines()).containsExactly(
        "JOB             ID  USER",
        "www/prod/hello  1   -",
        "a/b/c           22  bob");
  }
}
