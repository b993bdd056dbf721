package io.aurora.server.localmesos;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task of a local agent as a real process tree.
 *
 * <p>The task runs under {@code setsid}, so it leads its own session and process group (its pid is
 * the group id) and signals can reach everything it starts. Inside, a wrapper shell first forks a
 * watchdog that polls the agent's pid and SIGKILLs the whole group within about half a second of the
 * agent's JVM dying (even by SIGKILL, when no Java code runs), then runs the command lines in
 * order. The watchdog ignores SIGTERM so a graceful kill cannot remove it before the SIGKILL.
 */
final class TaskProcess {
  private static final Logger LOG = LoggerFactory.getLogger(TaskProcess.class);

  /** $1 = agent pid, then the command lines. Exit status: that of the first failing line. */
  private static final String WRAPPER = String.join("\n",
      "agent=$1; shift",
      "( trap '' TERM",
      "  while kill -0 \"$agent\" 2>/dev/null; do sleep 0.5 2>/dev/null || sleep 1; done",
      "  kill -s KILL 0 ) </dev/null >/dev/null 2>&1 &",
      "watchdog=$!",
      "status=0",
      "for line in \"$@\"; do",
      "  sh -c \"$line\" </dev/null || { status=$?; break; }",
      "done",
      "kill -s KILL \"$watchdog\" 2>/dev/null",
      "exit $status");

  private final Process process;
  private final long pgid;
  private final ScheduledExecutorService timers;
  private boolean killing;
  private ScheduledFuture<?> forceKill;

  private TaskProcess(Process process, ScheduledExecutorService timers) {
    this.process = process;
    this.pgid = process.pid();
    this.timers = timers;
  }

  /**
   * Starts the command lines in {@code sandbox} with stdout and stderr in files there, and calls
   * {@code onExit} with the exit status once the wrapper ends (after the group is cleaned up),
   * on {@code timers}, never on the calling thread.
   */
  static TaskProcess start(List<String> lines, Path sandbox, Map<String, String> env,
      ScheduledExecutorService timers, IntConsumer onExit) throws IOException {
    List<String> argv = new ArrayList<>(List.of("setsid", "sh", "-c", WRAPPER, "aurora-task",
        String.valueOf(ProcessHandle.current().pid())));
    argv.addAll(lines);
    ProcessBuilder builder = new ProcessBuilder(argv)
        .directory(sandbox.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(sandbox.resolve("stdout").toFile())
        .redirectError(sandbox.resolve("stderr").toFile());
    builder.environment().putAll(env);
    TaskProcess task = new TaskProcess(builder.start(), timers);
    // Always on the timers' thread, never inline: a command that ends at once ('echo') would
    // otherwise report its end inside start(), before the caller has recorded it as running.
    task.process.onExit().thenAcceptAsync(p -> {
      // Reap whatever the task left behind (and the watchdog) before reporting the end.
      task.signalGroup("KILL");
      task.cancelForceKill();
      onExit.accept(p.exitValue());
    }, timers);
    return task;
  }

  synchronized boolean isKilling() {
    return killing;
  }

  /** SIGTERM to the group now, SIGKILL after {@code grace} unless it is gone by then. */
  synchronized void kill(Duration grace) {
    if (killing) {
      return;
    }
    killing = true;
    signalGroup("TERM");
    forceKill = timers.schedule(() -> signalGroup("KILL"), grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Kills the group at once and waits up to {@code wait} for the wrapper to exit. */
  void destroyNow(Duration wait) {
    synchronized (this) {
      killing = true;
    }
    signalGroup("KILL");
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("Task process group {} did not exit within {}", pgid, wait);
    }
  }

  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  long pid() {
    return pgid;
  }

  private synchronized void cancelForceKill() {
    if (forceKill != null) {
      forceKill.cancel(false);
    }
  }

  private void signalGroup(String signal) {
    try {
      Process kill = new ProcessBuilder("sh", "-c", "kill -s \"$1\" -- \"-$2\" 2>/dev/null",
          "kill", signal, String.valueOf(pgid)).redirectErrorStream(true).start();
      kill.waitFor(2, TimeUnit.SECONDS);
    } catch (IOException e) {
      LOG.warn("Cannot signal task process group {}: {}", pgid, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
