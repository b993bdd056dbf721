package io.aurora.server.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.server.ServerCommandLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} identical to what the flag definitions generate. To
 * regenerate after changing a flag:
 * {@code ./mvnw -B -q -pl aurora-server -am test -Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false -Daurora.docs.regenerate=true}
 */
class ConfigurationDocTest {
  // Tests run in the module directory; the docs live at the repository root.
  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  @Test
  void committedDoc_matchesFlagDefinitions() throws IOException {
    String generated = ConfigurationDoc.render(ServerCommandLine.definitions());
    if (Boolean.getBoolean("aurora.docs.regenerate")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC))
        .as("%s is missing; regenerate it with -Daurora.docs.regenerate=true", DOC.toAbsolutePath().normalize())
        .isTrue();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/configuration.md is out of date with the flags. Regenerate it with:%n"
            + "./mvnw -B -q -pl aurora-server -am test -Dtest=ConfigurationDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Daurora.docs.regenerate=true")
        .isEqualTo(generated);
  }

  @Test
  void doc_listsEveryFlagOnce() {
    FlagSet flags = ServerCommandLine.definitions();
    String doc = ConfigurationDoc.render(flags);
    for (FlagDefinition d : flags.definitions()) {
      assertThat(doc).contains("| `" + d.name());
    }
    assertThat(doc).contains("**required**").contains("## ZooKeeper");
  }
}
