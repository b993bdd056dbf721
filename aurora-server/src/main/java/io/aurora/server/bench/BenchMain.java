package io.aurora.server.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Entry point of {@code bin/aurora-bench}: {@code aurora-bench <name> [-flag=value ...]}. */
public final class BenchMain {
  private final List<Bench> benches;

  BenchMain(List<Bench> benches) {
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
    if (List.of("-help", "-h", "--help", "help").contains(args[0])) {
      out.print(usage());
      return 0;
    }
    Optional<Bench> bench = benches.stream().filter(b -> b.name().equals(args[0])).findFirst();
    if (bench.isEmpty()) {
      err.println("aurora-bench: unknown benchmark '" + args[0] + "' (run with -help to list them)");
      return 1;
    }
    try {
      return bench.get().run(Arrays.asList(args).subList(1, args.length), out, err);
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
