package io.aurora.server.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one benchmark several times, one after the other, each in a fresh JVM started like this one
 * (same {@code java}, JVM options and classpath), so that no run inherits the heap, JIT state or
 * threads of an earlier one. Each run's output is passed through with a {@code [run K/N]} prefix;
 * the JSON line each run ends with goes into a {@link RunSummary}, printed after the last run.
 *
 * <p>With an evidence directory, run K also writes a JFR recording {@code run-K.jfr} and a GC log
 * {@code run-K-gc.log} there, and the summary names the files of the runs that were worst.
 */
final class RepeatedRuns {
  private final List<String> jvm;
  private final List<String> main;

  /**
   * The command of run K is {@code jvm}, the evidence options of run K (if any), {@code main}, the
   * benchmark's name and its arguments.
   *
   * @param jvm the {@code java} binary and the JVM options
   * @param main what selects {@link BenchMain}: the classpath and the class
   */
  RepeatedRuns(List<String> jvm, List<String> main) {
    this.jvm = List.copyOf(jvm);
    this.main = List.copyOf(main);
  }

  /** Child JVMs started like this one. */
  static RepeatedRuns likeThisJvm() {
    String java = ProcessHandle.current().info().command()
        .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    List<String> jvm = new ArrayList<>();
    jvm.add(java);
    jvm.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    return new RepeatedRuns(jvm,
        List.of("-cp", System.getProperty("java.class.path"), BenchMain.class.getName()));
  }

  /** How one run ended: its exit status and the last JSON line it printed, if any. */
  private record Outcome(int status, Optional<ObjectNode> json) {}

  /**
   * Runs {@code bench} {@code args.runs()} times and prints the summary.
   *
   * @return 0 when every run succeeded; 1 when the first run rejected its arguments (status 1,
   *     which it explained on {@code err}); otherwise 2 at the first run that failed or printed no
   *     JSON line, after one line on {@code err} saying so
   */
  int run(String bench, RepeatArgs args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    if (args.evidenceDir().isPresent()) {
      try {
        Files.createDirectories(args.evidenceDir().get());
      } catch (IOException e) {
        err.println("aurora-bench " + bench + ": cannot create -evidence_dir " + args.evidenceDir().get()
            + ": " + e);
        return 1;
      }
    }
    List<ObjectNode> lines = new ArrayList<>();
    for (int k = 1; k <= args.runs(); k++) {
      String prefix = "[run " + k + "/" + args.runs() + "] ";
      Outcome outcome = runOnce(command(bench, args, k), prefix, out, err);
      String which = "aurora-bench " + bench + ": run " + k + " of " + args.runs();
      if (outcome.status() != 0) {
        err.println(which + " exited with status " + outcome.status()
            + evidenceNote(args.evidenceDir(), k));
        return outcome.status() == 1 && k == 1 ? 1 : 2;
      }
      if (outcome.json().isEmpty()) {
        err.println(which + " printed no JSON line" + evidenceNote(args.evidenceDir(), k));
        return 2;
      }
      lines.add(outcome.json().get());
    }
    RunSummary summary = RunSummary.of(bench, lines);
    summary.table().forEach(out::println);
    ObjectNode json = summary.json();
    args.evidenceDir().ifPresent(dir -> {
      printEvidence(dir, summary.worstRuns(), out);
      json.put("evidence_dir", dir.toString());
    });
    out.println(RunSummary.toLine(json));
    return 0;
  }

  private List<String> command(String bench, RepeatArgs args, int k) {
    List<String> command = new ArrayList<>(jvm);
    args.evidenceDir().ifPresent(dir -> command.addAll(evidenceOptions(dir, k)));
    command.addAll(main);
    command.add(bench);
    command.addAll(args.benchArgs());
    return command;
  }

  /** The JVM options that make run {@code k} record itself into {@code dir}. */
  static List<String> evidenceOptions(Path dir, int k) {
    return List.of(
        "-XX:StartFlightRecording=filename=" + jfr(dir, k) + ",settings=profile,dumponexit=true",
        "-Xlog:gc*:file=" + gcLog(dir, k) + ":time,uptime,level,tags");
  }

  private static Path jfr(Path dir, int k) {
    return dir.resolve("run-" + k + ".jfr");
  }

  private static Path gcLog(Path dir, int k) {
    return dir.resolve("run-" + k + "-gc.log");
  }

  private static String evidenceNote(Optional<Path> dir, int k) {
    return dir.map(d -> " (its GC log: " + gcLog(d, k) + ")").orElse("");
  }

  private static void printEvidence(Path dir, Map<Integer, List<String>> worstRuns, PrintStream out) {
    out.println("  evidence: run-K.jfr and run-K-gc.log of each run K in " + dir);
    worstRuns.forEach((run, keys) -> out.println("  worst run " + run + " (" + String.join(", ", keys)
        + "): " + jfr(dir, run) + " " + gcLog(dir, run)));
  }

  /** Runs one child to its end, passing its output through with {@code prefix}. */
  private static Outcome runOnce(List<String> command, String prefix, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Process child = new ProcessBuilder(command).start();
    child.getOutputStream().close();
    // Should this JVM be stopped (Ctrl-C, kill), the run in progress stops with it.
    Thread stopChild = new Thread(child::destroyForcibly, "aurora-bench-stop-run");
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      Thread errors = new Thread(() -> copyLines(child.getErrorStream(), prefix, err::println),
          "aurora-bench-run-stderr");
      errors.setDaemon(true);
      errors.start();
      List<ObjectNode> json = new ArrayList<>();
      copyLines(child.getInputStream(), prefix, line -> {
        out.println(line);
        RunSummary.parseLine(line.substring(prefix.length())).ifPresent(json::add);
      });
      int status = child.waitFor();
      errors.join();
      return new Outcome(status,
          json.isEmpty() ? Optional.empty() : Optional.of(json.get(json.size() - 1)));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to: it stops the child.
      }
    }
  }

  private static void copyLines(InputStream from, String prefix, Consumer<String> to) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(from, Charset.defaultCharset()))) {
      String line;
      while ((line = reader.readLine()) != null) {
        to.accept(prefix + line);
      }
    } catch (IOException e) {
      // The pipe broke: the child is gone, and its exit status says how.
    }
  }
}
