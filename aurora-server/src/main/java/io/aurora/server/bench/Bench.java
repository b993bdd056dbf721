package io.aurora.server.bench;

import io.aurora.server.flags.FlagParser;
import io.aurora.server.flags.HelpText;
import io.aurora.server.flags.ParseResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

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

  /**
   * The preamble every benchmark's {@link #run} shares: parses {@code args} into {@code flags};
   * after {@code -help} prints {@code usage} and the flags to {@code out}; for a bad command line
   * or a value {@code validate} rejects prints one line {@code aurora-bench <name>: <why>} to
   * {@code err}.
   *
   * @param flags the picocli-annotated flags object, filled in place
   * @param usage the usage line shown above the flags
   * @param validate checks the parsed values: one line naming the first bad one, if any
   * @return empty to go on with the run, else the status {@link #run} returns (0 after help, 1
   *     for bad arguments)
   */
  default OptionalInt parseFlags(Object flags, String usage, Supplier<Optional<String>> validate,
      List<String> args, PrintStream out, PrintStream err) {
    ParseResult result = new FlagParser(name()).parse(flags, args.toArray(new String[0]));
    if (result instanceof ParseResult.HelpRequested help) {
      out.print(HelpText.render(usage, help.flags()));
      return OptionalInt.of(0);
    }
    Optional<String> invalid = result instanceof ParseResult.Invalid i
        ? Optional.of(i.message()) : validate.get();
    if (invalid.isPresent()) {
      err.println("aurora-bench " + name() + ": " + invalid.get());
      return OptionalInt.of(1);
    }
    return OptionalInt.empty();
  }
}
