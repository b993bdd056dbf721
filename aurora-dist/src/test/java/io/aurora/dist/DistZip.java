package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The built distribution zip (system property {@code aurora.dist.zip}), unpacked for a test. */
final class DistZip {
  private DistZip() {}

  /** The zip failsafe was given; fails the test if it has not been built. */
  static Path zip() {
    Path zip = Path.of(System.getProperty("aurora.dist.zip"));
    assertThat(zip).as("the zip is built before integration tests run").exists();
    return zip;
  }

  /** Unpacks the zip under {@code tmp/dist} and returns its single top-level directory. */
  static Path unpack(Path tmp) throws IOException {
    Path target = Files.createDirectories(tmp.resolve("dist"));
    extract(zip(), target);
    try (Stream<Path> top = Files.list(target)) {
      return top.findFirst().orElseThrow();
    }
  }

  /**
   * Unpacks with Java's zip support, which drops Unix modes: launchers under {@code bin/} and the
   * {@code .sh} scripts are made executable again, as {@code unzip} would leave them.
   */
  static void extract(Path zip, Path target) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path dest = target.resolve(entry.getName()).normalize();
        if (!dest.startsWith(target)) {
          throw new IOException("zip entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(dest);
          continue;
        }
        Files.createDirectories(dest.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
        }
        String parent = dest.getParent().getFileName().toString();
        if (parent.equals("bin") || entry.getName().endsWith(".sh")) {
          dest.toFile().setExecutable(true);
        }
      }
    }
  }
}
