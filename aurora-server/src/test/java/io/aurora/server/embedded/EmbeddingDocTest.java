package io.aurora.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/embedding.md's code equal to the example that {@code DurableSchedulerExampleIT}
 * compiles and runs: each {@code <!-- snippet: NAME -->} of the page is followed by a java block
 * that must equal the test's {@code // region NAME} ... {@code // endregion}, indentation removed,
 * and every region must be on the page. To change the page's code, change the test and copy.
 */
class EmbeddingDocTest {
  private static final Path DOC = Path.of("..", "docs", "embedding.md");
  private static final Path EXAMPLE = Path.of("src", "test", "java", "com", "example",
      "scheduler", "DurableSchedulerExampleIT.java");
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\w+) -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void pageSnippets_equalTheTestedExamplesRegions() throws IOException {
    Map<String, String> regions = regions(Files.readAllLines(EXAMPLE));
    Map<String, String> snippets = new LinkedHashMap<>();
    Matcher m = SNIPPET.matcher(Files.readString(DOC));
    while (m.find()) {
      snippets.put(m.group(1), m.group(2));
    }
    assertThat(regions).as("regions of %s", EXAMPLE).isNotEmpty();
    assertThat(snippets.keySet()).as("snippets of docs/embedding.md")
        .containsExactlyInAnyOrderElementsOf(regions.keySet());
    regions.forEach((name, code) -> assertThat(snippets.get(name))
        .as("docs/embedding.md snippet '%s' differs from the region in %s; copy it over",
            name, EXAMPLE)
        .isEqualTo(code));
  }

  /** Each region's lines, less the indentation they share, each ending with a newline. */
  static Map<String, String> regions(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    List<String> body = new ArrayList<>();
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith("// region ")) {
        name = t.substring("// region ".length()).strip();
        body.clear();
      } else if (t.equals("// endregion") && name != null) {
        out.put(name, dedent(body));
        name = null;
      } else if (name != null) {
        body.add(line);
      }
    }
    return out;
  }

  private static String dedent(List<String> body) {
    int indent = body.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder text = new StringBuilder();
    for (String l : body) {
      text.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return text.toString();
  }
}
