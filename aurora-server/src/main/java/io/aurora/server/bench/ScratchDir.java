package io.aurora.server.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's scratch directory (replica logs, snapshots): deleted after a run that completed,
 * kept after one that threw, with one line on {@code err} naming it, so that a failed run's logs
 * can be read.
 */
public final class ScratchDir {
  /** The work done inside the directory. */
  @FunctionalInterface
  public interface Work {
    void run(Path dir) throws Exception;
  }

  private ScratchDir() {}

  /**
   * Makes {@code aurora-<bench>-bench-*} under {@code parent}, runs {@code work} in it, and
   * deletes it if {@code work} returned normally.
   */
  public static void run(Path parent, String bench, PrintStream err, Work work) throws Exception {
    Path dir = Files.createTempDirectory(parent, "aurora-" + bench + "-bench-");
    boolean completed = false;
    try {
      work.run(dir);
      completed = true;
    } finally {
      if (completed) {
        delete(dir);
      } else {
        err.println("aurora-bench " + bench + ": replica logs kept in " + dir);
      }
    }
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
