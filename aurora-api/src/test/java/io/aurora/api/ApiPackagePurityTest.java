package io.aurora.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The helpers in io.aurora.api do no I/O and keep no clock: their sources import none of it. */
class ApiPackagePurityTest {

  private static final Pattern FORBIDDEN = Pattern.compile(
      "^import (static )?(java\\.io|java\\.nio|java\\.net|java\\.time\\.Clock"
          + "|java\\.util\\.concurrent)[.;].*", Pattern.MULTILINE);

  @Test
  void sources_importNoIo() throws IOException {
    Path dir = Path.of("src/main/java/io/aurora/api");
    assertThat(dir).isDirectory();
    List<Path> sources;
    try (Stream<Path> files = Files.list(dir)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
    assertThat(sources).hasSizeGreaterThan(3);

    for (Path source : sources) {
      assertThat(FORBIDDEN.matcher(Files.readString(source)).find())
          .as("%s imports I/O or concurrency", source.getFileName())
          .isFalse();
    }
  }
}
