package io.aurora.server.bench.failover;

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
import java.util.Optional;

/**
 * One scheduler of a {@link FailoverCluster}: fixed ports and data directory, so that a restart
 * after a kill rejoins as the same replica. Runs {@code bin/aurora-scheduler} (which execs java).
 */
public final class SchedulerNode {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path home;
  private final Path dir;
  private final int httpPort;
  private final int thriftPort;
  private final int logPort;
  private final List<String> flags;
  private final Map<String, String> env;
  private ChildProcess process;

  SchedulerNode(String name, Path home, Path dir, int httpPort, int thriftPort, int logPort,
      List<String> flags, Map<String, String> env) {
    this.name = name;
    this.home = home;
    this.dir = dir;
    this.httpPort = httpPort;
    this.thriftPort = thriftPort;
    this.logPort = logPort;
    this.flags = List.copyOf(flags);
    this.env = Map.copyOf(env);
  }

  /** Starts (or restarts) the process with the node's flags followed by {@code extraFlags}. */
  public synchronized ChildProcess start(String... extraFlags) throws IOException {
    if (process != null && process.alive()) {
      throw new IllegalStateException(name + " is already running");
    }
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/aurora-scheduler").toString());
    command.addAll(flags);
    command.add("-http_port=" + httpPort);
    command.add("-thrift_port=" + thriftPort);
    command.add("-native_log_file_path=" + dir.resolve("log"));
    command.add("-backup_dir=" + dir.resolve("backups"));
    command.addAll(List.of(extraFlags));
    Map<String, String> fullEnv = new java.util.HashMap<>(env);
    fullEnv.put("LIBPROCESS_IP", "127.0.0.1");
    fullEnv.put("LIBPROCESS_PORT", Integer.toString(logPort));
    process = ChildProcess.start(name, command, fullEnv, dir.resolve("scheduler.out"));
    return process;
  }

  /** SIGKILL of the JVM (no shutdown hook runs, the ZooKeeper session is left to expire). */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
    }
  }

  public synchronized boolean alive() {
    return process != null && process.alive();
  }

  public synchronized Optional<ChildProcess> process() {
    return Optional.ofNullable(process);
  }

  public String name() {
    return name;
  }

  public String http() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  /** The HTTP status of {@code path}, or -1 if the port does not answer. */
  public int status(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(http() + path))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The body of {@code path}, or empty if the port does not answer with 200. */
  public Optional<String> get(String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(http() + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The value of one {@code /vars} line, if the page answers and has it. */
  public Optional<String> var(String name) {
    return get("/vars").flatMap(page -> page.lines()
        .filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length() + 1)).findFirst());
  }

  /** True if alive and {@code /leaderhealth} answers 200. */
  public boolean leading() {
    return alive() && status("/leaderhealth") == 200;
  }

  @Override
  public String toString() {
    return name + " " + http();
  }
}
