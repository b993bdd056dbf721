package io.aurora.server.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Entry point of {@code bin/aurora-bench}: {@code aurora-bench <name> [-flag=value ...]}. Every
 * benchmark also takes {@code -runs=N} and {@code -evidence_dir=DIR} ({@link RepeatArgs}), handled
 * here: without them the benchmark runs once in this JVM; with them {@link RepeatedRuns} runs it in
 * child JVMs and sums up the runs.
 */
public final class BenchMain {
  private static final List<String> HELP = List.of("-help", "-h", "--help");
  private final List<Bench> benches;
  private final RepeatedRuns repeatedRuns;

  BenchMain(List<Bench> benches) {
    this(benches, RepeatedRuns.likeThisJvm());
  }

  /** With {@code repeatedRuns} to run a benchmark given {@code -runs} or {@code -evidence_dir}. */
  BenchMain(List<Bench> benches, RepeatedRuns repeatedRuns) {
    this.repeatedRuns = repeatedRuns;
    List<Bench> sorted = new ArrayList<>(benches);
    sorted.sort(Comparator.comparing(Bench::name));
    this.benches = List.copyOf(sorted);
  }

  /** The benchmarks registered with {@link ServiceLoader}. */
  static BenchMain discover() {
    List<Bench> found = new ArrayList<>();
    ServiceLoader.load(Bench.class).forEach(found::add);
    return new BenchMain(found);
  }

  public static void main(String[] args) {
    System.exit(discover().run(args, System.out, System.err));
  }

  /** Runs the command line and returns the exit status. */
  int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(usage());
      return 1;
    }
    if (HELP.contains(args[0]) || args[0].equals("help")) {
      out.print(usage());
      return 0;
    }
    Optional<Bench> bench = benches.stream().filter(b -> b.name().equals(args[0])).findFirst();
    if (bench.isEmpty()) {
      err.println("aurora-bench: unknown benchmark '" + args[0] + "' (run with -help to list them)");
      return 1;
    }
    RepeatArgs repeat;
    try {
      repeat = RepeatArgs.parse(Arrays.asList(args).subList(1, args.length));
    } catch (IllegalArgumentException e) {
      err.println("aurora-bench " + args[0] + ": " + e.getMessage());
      return 1;
    }
    try {
      if (repeat.benchArgs().stream().anyMatch(HELP::contains)) {
        int status = bench.get().run(repeat.benchArgs(), out, err);
        out.print(RepeatArgs.HELP);
        return status;
      }
      if (repeat.inChildren()) {
        return repeatedRuns.run(args[0], repeat, out, err);
      }
      return bench.get().run(repeat.benchArgs(), out, err);
    } catch (Exception e) {
      err.println("aurora-bench " + args[0] + ": failed: " + e);
      return 2;
    }
  }

  private String usage() {
    StringBuilder text = new StringBuilder("Usage: aurora-bench <benchmark> [-flag=value ...]\n"
        + "Run aurora-bench <benchmark> -help for a benchmark's flags.\n\nBenchmarks:\n");
    int width = benches.stream().mapToInt(b -> b.name().length()).max().orElse(0);
    for (Bench b : benches) {
      text.append("  ").append(b.name()).append(" ".repeat(width - b.name().length()))
          .append("  ").append(b.description()).append('\n');
    }
    return text.toString();
  }
}
