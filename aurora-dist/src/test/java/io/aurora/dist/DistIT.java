package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.server.ServerCommandLine;
import io.aurora.server.flags.FlagDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of the built zip, unpacked into a temporary directory and run as an operator would. */
class DistIT {
  @TempDir static Path unpacked;
  private static Path home;

  /** What a process printed and how it ended. */
  record Run(int exitCode, String stdout, String stderr) {
    List<String> stderrLines() {
      return stderr.lines().toList();
    }
  }

  @BeforeAll
  static void unzip() throws Exception {
    Path zip = DistZip.zip();
    Path target = Files.createDirectory(unpacked.resolve("dist"));
    if (onPath("unzip")) {
      // The operator's tool: also proves the zip carries the launchers' executable bits.
      Run r = run(Map.of(), "unzip", "-q", zip.toString(), "-d", target.toString());
      assertThat(r.exitCode()).as(r.stderr()).isZero();
    } else {
      DistZip.extract(zip, target);
    }
    try (Stream<Path> top = Files.list(target)) {
      List<Path> dirs = top.toList();
      assertThat(dirs).hasSize(1);
      home = dirs.get(0);
    }
    assertThat(home.getFileName().toString()).startsWith("aurora-scheduler-");
  }

  @Test
  void layout_hasLaunchersLibsConfAndExamples() throws IOException {
    assertThat(home.resolve("bin/aurora-scheduler")).isExecutable();
    assertThat(home.resolve("bin/aurora-bench")).isExecutable();
    // Job files in Aurora's exported JSON and in the IDL's, and a sample clusters.json.
    assertThat(home.resolve("examples/jobs/hello-world-aurora.json")).isRegularFile();
    assertThat(home.resolve("examples/jobs/hello-world.json")).isRegularFile();
    assertThat(home.resolve("examples/jobs/clusters.json")).isRegularFile();
    assertThat(home.resolve("conf/logback.xml")).isRegularFile();
    try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
      assertThat(libs.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("aurora-server-"))
          .anyMatch(n -> n.startsWith("picocli-"))
          .anyMatch(n -> n.startsWith("logback-classic-"));
    }
    assertThat(Files.readString(home.resolve("bin/aurora-scheduler"))).contains("exec \"$JAVA\"");
  }

  @Test
  void help_listsEveryFlag_andExitsZero() throws Exception {
    Run r = scheduler("-help");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    for (FlagDefinition flag : ServerCommandLine.definitions().definitions()) {
      assertThat(r.stdout()).contains("  " + flag.usage() + " ");
    }
    assertThat(r.stdout()).contains("-native_log_quorum_size", "-thrift_port", "-serverset_endpoint_name");
  }

  @Test
  void unknownFlag_exitsOneWithOneClearLine() throws Exception {
    Run r = scheduler("-no_such_flag");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderrLines()).containsExactly(
        "aurora-scheduler: unknown flag -no_such_flag (run with -help to list every flag)");
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void malformedValue_exitsOneWithOneClearLine() throws Exception {
    Run r = scheduler("-http_port=abc");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderrLines()).containsExactly(
        "aurora-scheduler: flag -http_port: expected an integer, got 'abc'");
  }

  @Test
  void launcher_followsSymlinks() throws Exception {
    Path link = unpacked.resolve("linked-aurora-scheduler");
    Files.createSymbolicLink(link, home.resolve("bin/aurora-scheduler"));
    Run r = run(Map.of("JAVA_HOME", javaHome()), link.toString(), "-help");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("-cluster_name");
  }

  @Test
  void launcher_honoursJavaOptsAndJavaHome() throws Exception {
    // -version makes the JVM print its version and exit before Main runs: JAVA_OPTS reached java.
    Run version = run(Map.of("JAVA_HOME", javaHome(), "JAVA_OPTS", "-version"),
        home.resolve("bin/aurora-scheduler").toString());
    assertThat(version.exitCode()).isZero();
    assertThat(version.stderr()).contains("version");

    Run missingJava = run(Map.of("JAVA_HOME", unpacked.resolve("no-such-jdk").toString()),
        home.resolve("bin/aurora-scheduler").toString(), "-help");
    assertThat(missingJava.exitCode()).isNotZero();
  }

  @Test
  void bench_listsSubcommands() throws Exception {
    Run r = run(Map.of("JAVA_HOME", javaHome()), home.resolve("bin/aurora-bench").toString(), "-help");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("Usage: aurora-bench").contains("fsync");
  }

  @Test
  void exampleScripts_parse_andUseTheMajorityQuorum() throws Exception {
    Path examples = home.resolve("examples/scheduler");
    Map<String, Integer> quorums = Map.of("scheduler-1.sh", 1, "scheduler-3.sh", 2, "scheduler-5.sh", 3);
    for (Map.Entry<String, Integer> e : quorums.entrySet()) {
      Path script = examples.resolve(e.getKey());
      assertThat(script).isExecutable();
      String text = Files.readString(script);
      assertThat(text).contains("-native_log_quorum_size=" + e.getValue() + "\n")
          .contains("AURORA_FLAGS=(").contains("JAVA_OPTS=(").contains("LIBPROCESS_PORT=").contains("exec ");
    }
    assertThat(Files.readString(examples.resolve("scheduler.sh"))).contains("QUORUM=$(( SCHEDULERS / 2 + 1 ))");
    if (onPath("bash")) {
      for (String name : List.of("scheduler.sh", "scheduler-1.sh", "scheduler-3.sh", "scheduler-5.sh")) {
        Run r = run(Map.of(), "bash", "-n", examples.resolve(name).toString());
        assertThat(r.exitCode()).as(name + ": " + r.stderr()).isZero();
      }
    }
  }

  @Test
  void singleSchedulerExample_passesItsFlagsToTheScheduler() throws Exception {
    Run r = run(Map.of("JAVA_HOME", javaHome(), "AURORA_HOME", home.toString()),
        home.resolve("examples/scheduler/scheduler-1.sh").toString(), "-http_port=abc");
    // The script's own flags parse; the operator's extra flag is passed through (and rejected here).
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderrLines()).containsExactly(
        "aurora-scheduler: flag -http_port: expected an integer, got 'abc'");
  }

  private static Run scheduler(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/aurora-scheduler").toString());
    command.addAll(List.of(args));
    return run(Map.of("JAVA_HOME", javaHome()), command.toArray(new String[0]));
  }

  private static String javaHome() {
    return System.getProperty("java.home");
  }

  private static Run run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(unpacked.toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().putAll(env);
    Path out = Files.createTempFile(unpacked, "out", ".txt");
    Path err = Files.createTempFile(unpacked, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }
}
