package io.aurora.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The flags every benchmark takes, which {@link BenchMain} handles before the benchmark sees its
 * arguments: {@code -runs=N} and {@code -evidence_dir=DIR}.
 *
 * @param runs how many times to run the benchmark (at least 1)
 * @param evidenceDir where each run's JFR recording and GC log go, if anywhere
 * @param benchArgs the remaining arguments, for the benchmark
 */
record RepeatArgs(int runs, Optional<Path> evidenceDir, List<String> benchArgs) {
  static final String RUNS = "-runs";
  static final String EVIDENCE_DIR = "-evidence_dir";

  /** The help lines for these flags, appended to every benchmark's {@code -help}. */
  static final String HELP = "\nRepeating (every benchmark):\n"
      + "  -runs=<int>           [1] Run the benchmark this many times, each in a fresh JVM, and report"
      + " the median, the worst and each run (1: once, in this JVM).\n"
      + "  -evidence_dir=<path>  [none] Each run (in its own JVM even with -runs=1) also writes a JFR"
      + " recording run-K.jfr and a GC log run-K-gc.log here.\n";

  RepeatArgs {
    if (runs < 1) {
      throw new IllegalArgumentException("-runs must be at least 1");
    }
    Objects.requireNonNull(evidenceDir);
    benchArgs = List.copyOf(benchArgs);
  }

  /** Whether the runs happen in child JVMs rather than in this one. */
  boolean inChildren() {
    return runs > 1 || evidenceDir.isPresent();
  }

  /**
   * Takes {@code -runs=N} and {@code -evidence_dir=DIR} out of {@code args}.
   *
   * @throws IllegalArgumentException with a message naming the flag, if a value is wrong
   */
  static RepeatArgs parse(List<String> args) {
    int runs = 1;
    Optional<Path> evidenceDir = Optional.empty();
    List<String> rest = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals(RUNS) || arg.equals(EVIDENCE_DIR)) {
        throw new IllegalArgumentException(arg + " needs a value, written " + arg + "=<value>");
      } else if (arg.startsWith(RUNS + "=")) {
        runs = parseRuns(arg.substring(RUNS.length() + 1));
      } else if (arg.startsWith(EVIDENCE_DIR + "=")) {
        evidenceDir = Optional.of(parseDir(arg.substring(EVIDENCE_DIR.length() + 1)));
      } else {
        rest.add(arg);
      }
    }
    return new RepeatArgs(runs, evidenceDir, rest);
  }

  private static int parseRuns(String value) {
    int runs;
    try {
      runs = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-runs must be a whole number, not '" + value + "'");
    }
    if (runs < 1) {
      throw new IllegalArgumentException("-runs must be at least 1, not " + runs);
    }
    return runs;
  }

  private static Path parseDir(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("-evidence_dir needs a directory");
    }
    // The JVM options that receive the file names separate their own options with these.
    if (value.contains(",") || value.contains(":")) {
      throw new IllegalArgumentException("-evidence_dir cannot contain ',' or ':' (the JVM's "
          + "recording and logging options would split the path there): " + value);
    }
    Path dir = Paths.get(value).toAbsolutePath();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("-evidence_dir is not a directory: " + dir);
    }
    return dir;
  }
}
