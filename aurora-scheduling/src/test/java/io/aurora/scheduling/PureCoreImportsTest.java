package io.aurora.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pure cores (placement, resources, the state machine and its rules) import no storage,
 * threads, clocks or IO: they are deterministic functions of their arguments.
 */
class PureCoreImportsTest {
  private static final Path MAIN = Path.of("src/main/java/io/aurora/scheduling");
  private static final List<String> PURE_PACKAGES = List.of("filter", "rank", "resources", "assign");
  private static final List<String> PURE_STATE_FILES = List.of("TaskStateMachine.java",
      "Transition.java", "SideEffect.java", "TaskState.java", "TaskSnapshot.java",
      "RescheduleCalculator.java", "RescheduleOptions.java", "Rescheduling.java",
      "PartitionCycles.java");
  private static final List<String> FORBIDDEN = List.of("import io.aurora.storage",
      "import java.util.concurrent", "import java.io", "import java.nio", "import java.net",
      "import java.time.Clock", "import io.aurora.scheduling.runtime",
      "import io.aurora.scheduling.mesos", "import io.aurora.scheduling.write");

  @Test
  void pureCores_importNoStorageThreadsClockOrIo() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String pkg : PURE_PACKAGES) {
      try (Stream<Path> s = Files.list(MAIN.resolve(pkg))) {
        s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
      }
    }
    PURE_STATE_FILES.forEach(f -> files.add(MAIN.resolve("state").resolve(f)));
    assertThat(files).hasSizeGreaterThan(20);
    List<String> violations = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        for (String bad : FORBIDDEN) {
          if (line.startsWith(bad)) {
            violations.add(file.getFileName() + ": " + line);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
