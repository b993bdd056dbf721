package io.aurora.server.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code aurora-bench} subcommand. Implementations have a public no-argument constructor and
 * are listed in {@code META-INF/services/io.aurora.server.bench.Bench}.
 */
public interface Bench {
  /** The subcommand, e.g. {@code fsync}. */
  String name();

  /** One line for the subcommand list. */
  String description();

  /**
   * Runs the benchmark.
   *
   * @param args the arguments after the subcommand name (Aurora-style flags)
   * @param out where the summary and the final JSON line go
   * @param err where one line goes if the arguments are wrong
   * @return the process exit status: 0 on success (and after {@code -help}), 1 for bad arguments
   * @throws Exception if the benchmark itself fails
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
