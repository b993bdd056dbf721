package io.aurora.server.bench.failover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One child process started from a launcher that {@code exec}s java, so the process is the JVM
 * and {@link #kill} is a SIGKILL of the JVM itself. Output (both streams) is appended to a log file.
 */
public final class ChildProcess {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} with {@code env} added to this process's environment. */
  public static ChildProcess start(String name, List<String> command, Map<String, String> env,
      Path log) throws IOException {
    Objects.requireNonNull(name, "name");
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("JAVA_OPTS");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new ChildProcess(name, pb.start(), log);
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, then waits (up to 10 s) until the process is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The exit status, waiting up to {@code seconds}; empty if still running. */
  public java.util.OptionalInt exitStatus(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS)
        ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** The last {@code lines} lines of the output, for failure messages. */
  public String tail(int lines) {
    List<String> all = output().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }
}
