package io.aurora.log.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the IO building blocks (storage, transport, discovery) independent of the protocol and of
 * each other, as their package-info files say. Scans main sources for import lines.
 */
class IoPackageImportsTest {

  @ParameterizedTest(name = "{0} must not import {1}")
  @CsvSource({
    "storage,   io.aurora.log.core|io.aurora.log.runtime|io.aurora.log.transport|io.aurora.log.discovery|org.apache.curator|org.apache.zookeeper",
    "transport, io.aurora.log.core|io.aurora.log.runtime|io.aurora.log.storage|io.aurora.log.discovery|org.apache.curator|org.apache.zookeeper",
    "discovery, io.aurora.log.core|io.aurora.log.runtime|io.aurora.log.storage",
  })
  void ioPackage_importsNothingForbidden(String pkg, String forbidden) throws IOException {
    Path dir = Path.of("src/main/java/io/aurora/log").resolve(pkg);
    assertThat(dir).isDirectory();
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(file)) {
          String trimmed = line.trim();
          if (!trimmed.startsWith("import ")) {
            continue;
          }
          for (String prefix : forbidden.split("\\|")) {
            if (trimmed.matches("import (static )?" + prefix.replace(".", "\\.") + "\\b.*")) {
              violations.add(file.getFileName() + ": " + trimmed);
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
