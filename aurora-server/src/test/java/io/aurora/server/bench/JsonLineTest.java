package io.aurora.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLineTest {
  @Test
  void keysInOrder_numbersWithTheirDecimals() {
    assertThat(JsonLine.bench("storage").add("tasks", 500).add("rate", 1234.56, 1)
        .add("p99_ms", 0.0004, 3).add("sync", false).toString())
        .isEqualTo("{\"bench\":\"storage\",\"tasks\":500,\"rate\":1234.6,\"p99_ms\":0.000,"
            + "\"sync\":false}");
  }

  @Test
  void strings_areEscaped() {
    assertThat(JsonLine.of().add("dir", "/tmp/a\"b\\c\n").toString())
        .isEqualTo("{\"dir\":\"/tmp/a\\\"b\\\\c\\u000a\"}");
  }

  @Test
  void empty_isAnEmptyObject() {
    assertThat(JsonLine.of().toString()).isEqualTo("{}");
  }
}
