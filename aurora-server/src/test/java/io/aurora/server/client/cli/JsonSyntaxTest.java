package io.aurora.server.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FILE = Path.of("/jobs/hello.json");

  private static String describe(String text) {
    JsonProcessingException e =
        catchThrowableOfType(JsonProcessingException.class, () -> JSON.readTree(text));
    return JsonSyntax.describe(FILE, e);
  }

  @Test
  void unclosedObject_namesWhereItOpened_withoutParserInternals() {
    String text = "{\n  \"jobs\": [\n    {\"name\": \"x\"";
    assertThat(describe(text))
        .isEqualTo("/jobs/hello.json, line 3, column 17: not valid JSON: the file ends inside the"
            + " object or array opened at line 3, column 5 (a closing } or ] is missing)");
  }

  @Test
  void strayComma_namesTheCharacter_lineAndColumn() {
    String message = describe("{\n  \"jobs\": [\n    {\"name\": \"x\",, }\n  ]\n}\n");
    assertThat(message).startsWith("/jobs/hello.json, line 3, column 18: not valid JSON: "
        + "unexpected character ','").doesNotContain("code 44").doesNotContain("Source");
  }

  @Test
  void notJsonAtAll_saysUnexpectedWord() {
    assertThat(describe("jobs = [Job(name='x')]"))
        .startsWith("/jobs/hello.json, line 1, column ").contains("unexpected word 'jobs'")
        .doesNotContain("Source").doesNotContain("StreamReadFeature");
  }
}
