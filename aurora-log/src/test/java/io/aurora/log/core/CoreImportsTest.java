package io.aurora.log.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the core pure: no IO, network, threads, executors or wall clock in its sources. */
class CoreImportsTest {
  private static final Pattern FORBIDDEN = Pattern.compile(
      "\\bjava\\.(io|nio|net)\\.|\\bjava\\.util\\.concurrent\\b|\\bThread\\b|\\bExecutor"
          + "|System\\.(currentTimeMillis|nanoTime)|\\bjava\\.time\\.(Instant|Clock|LocalDateTime)"
          + "|\\bsynchronized\\b|\\bRandom\\b");

  @Test
  void coreSources_importNoIoThreadsOrClock() throws IOException {
    Path root = Path.of("src/main/java/io/aurora/log/core");
    assertThat(root).isDirectory();
    List<String> violations = new ArrayList<>();
    int files = 0;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
        files++;
        List<String> lines = Files.readAllLines(p);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.trim().startsWith("*") || line.trim().startsWith("//")) {
            continue; // prose may name what the code must not use
          }
          if (FORBIDDEN.matcher(line).find()) {
            violations.add(p.getFileName() + ":" + (i + 1) + ": " + line.trim());
          }
        }
      }
    }
    assertThat(files).isGreaterThan(10);
    assertThat(violations).isEmpty();
  }

  @Test
  void theScannerSeesAForbiddenImport() {
    assertThat(FORBIDDEN.matcher("import java.nio.file.Path;").find()).isTrue();
    assertThat(FORBIDDEN.matcher("import java.util.concurrent.Executor;").find()).isTrue();
    assertThat(FORBIDDEN.matcher("long t = System.currentTimeMillis();").find()).isTrue();
    assertThat(FORBIDDEN.matcher("import java.util.TreeMap;").find()).isFalse();
  }
}
