package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.server.bench.failover.ChildProcess;
import io.aurora.server.bench.failover.FailoverCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One {@code bin/aurora-scheduler} of the unzipped distribution started for a fault: quorum 1, a
 * log directory and ports of its own unless the flags say otherwise, everything on 127.0.0.1.
 *
 * @param name for messages
 * @param http the HTTP port ({@code -http_port})
 * @param thrift the Thrift port ({@code -thrift_port})
 * @param dir the scheduler's directory (its log is {@code dir/log} unless overridden)
 * @param process the JVM (the launcher execs java)
 */
record FaultScheduler(String name, int http, int thrift, Path dir, ChildProcess process) {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * Starts a scheduler; {@code flags} come after the defaults, and the launcher's flag parser
   * takes the last value of a repeated flag.
   */
  static FaultScheduler start(Path home, Path base, String name, Map<String, String> env,
      String... flags) throws IOException {
    Path dir = Files.createDirectories(base.resolve(name));
    int http = FailoverCluster.freePort();
    int thrift = FailoverCluster.freePort();
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/aurora-scheduler").toString(),
        "-cluster_name=faults", "-serverset_path=/aurora/scheduler",
        "-native_log_quorum_size=1", "-native_log_file_path=" + dir.resolve("log"),
        "-native_log_zk_group_path=/aurora/replicated-log", "-backup_dir=" + dir.resolve("backups"),
        "-ip=127.0.0.1", "-hostname=127.0.0.1", "-http_port=" + http, "-thrift_port=" + thrift,
        "-executor_user=" + System.getProperty("user.name")));
    command.addAll(List.of(flags));
    Map<String, String> environment = new java.util.HashMap<>(Map.of(
        "JAVA_HOME", System.getProperty("java.home"),
        "JAVA_OPTS", "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
        "LIBPROCESS_IP", "127.0.0.1",
        "LIBPROCESS_PORT", Integer.toString(FailoverCluster.freePort())));
    environment.putAll(env);
    ChildProcess process = ChildProcess.start(name, command, environment,
        dir.resolve("scheduler.out"));
    return new FaultScheduler(name, http, thrift, dir, process);
  }

  /** The HTTP status of {@code path}, or -1 if the scheduler does not answer. */
  int status(String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + http + path)).timeout(Duration.ofSeconds(5)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Sends SIGTERM to the scheduler's JVM. */
  void terminate() {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
  }

  /** Waits up to {@code seconds} for the exit status; fails with the output's tail if none. */
  int awaitExit(long seconds) throws InterruptedException {
    OptionalInt exit = process.exitStatus(seconds);
    assertThat(exit).as("%s exits within %d s; output:%n%s", name, seconds, process.tail(30))
        .isPresent();
    return exit.getAsInt();
  }

  /** Everything it printed. */
  String output() {
    return process.output();
  }

  /**
   * Checks the operator's view of a fault that ended the process: one ERROR line, holding every
   * fragment, and no stack trace anywhere.
   */
  void assertOneErrorLine(String... fragments) {
    String output = output();
    List<String> errors = output.lines().filter(l -> l.contains(" ERROR ")).toList();
    assertThat(errors).as("%s: ERROR lines in%n%s", name, output).hasSize(1);
    assertThat(errors.get(0)).as(name).contains(fragments);
    assertNoStackTrace();
  }

  /** No line of the output is a stack frame. */
  void assertNoStackTrace() {
    String output = output();
    assertThat(output.lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by")))
        .as("%s: stack trace lines in%n%s", name, output).isEmpty();
  }
}
