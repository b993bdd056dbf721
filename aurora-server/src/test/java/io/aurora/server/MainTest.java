package io.aurora.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void help_printsFlagsAndExitsZero() {
    assertThat(run("-help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: aurora-scheduler").contains("-http_port");
    assertThat(err()).isEmpty();
  }

  @Test
  void unknownFlag_exitsOneWithOneLine() {
    assertThat(run("-no_such_flag")).isEqualTo(1);
    assertThat(err()).isEqualTo("aurora-scheduler: unknown flag -no_such_flag (run with -help to list every flag)"
        + System.lineSeparator());
  }

  @Test
  void malformedPort_exitsOneWithOneLine() {
    assertThat(run("-http_port=abc")).isEqualTo(1);
    assertThat(err()).isEqualTo("aurora-scheduler: flag -http_port: expected an integer, got 'abc'"
        + System.lineSeparator());
  }

  @Test
  void validFlags_sayTheDaemonIsNotAssembledYet() {
    assertThat(run(ServerCommandLineTest.with())).isEqualTo(1);
    assertThat(err()).contains("not assembled yet").contains("issue 7");
    assertThat(err().lines().count()).isEqualTo(1);
  }
}
