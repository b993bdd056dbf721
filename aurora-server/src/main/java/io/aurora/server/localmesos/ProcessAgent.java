package io.aurora.server.localmesos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent that runs each task as a real process tree ({@link TaskProcess}) in its own sandbox,
 * {@code <work_dir>/<agent id>/<framework id>/<task id>/}, with {@code stdout} and {@code stderr}
 * there. Updates: STARTING, RUNNING once the process started, then FINISHED (exit 0), FAILED
 * (any other exit, or the process could not start) or KILLED (after {@link #kill}).
 */
final class ProcessAgent implements Agent {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessAgent.class);

  private final AgentInfo info;
  private final Path workDir;
  private final StatusSink sink;
  private final ScheduledExecutorService timers;
  private final Clock clock;
  private final Duration killGrace;
  private final Map<TaskID, TaskProcess> running = new HashMap<>();
  private final Map<TaskID, Path> sandboxes = new ConcurrentHashMap<>();

  ProcessAgent(AgentInfo info, Path workDir, StatusSink sink, ScheduledExecutorService timers,
      Clock clock, Duration killGrace) {
    this.info = info;
    this.workDir = workDir;
    this.sink = sink;
    this.timers = timers;
    this.clock = clock;
    this.killGrace = killGrace;
  }

  @Override
  public AgentInfo info() {
    return info;
  }

  /** The sandbox of a task launched here, if any. */
  Optional<Path> sandbox(TaskID taskId) {
    return Optional.ofNullable(sandboxes.get(taskId));
  }

  @Override
  public synchronized void launch(FrameworkID frameworkId, TaskInfo task) {
    TaskID id = task.getTaskId();
    report(frameworkId, id, TaskState.TASK_STARTING, "");
    try {
      List<String> lines = TaskCommands.of(task);
      Path sandbox = workDir.resolve(safe(info.getId().getValue()))
          .resolve(safe(frameworkId.getValue())).resolve(safe(id.getValue()));
      Files.createDirectories(sandbox);
      sandboxes.put(id, sandbox);
      Map<String, String> env = new HashMap<>();
      env.put("MESOS_SANDBOX", sandbox.toString());
      env.put("MESOS_TASK_ID", id.getValue());
      env.put("MESOS_AGENT_ID", info.getId().getValue());
      env.put("MESOS_FRAMEWORK_ID", frameworkId.getValue());
      List<Long> ports = ports(task);
      for (int i = 0; i < ports.size(); i++) {
        env.put("PORT" + i, String.valueOf(ports.get(i)));
      }
      TaskProcess process = TaskProcess.start(lines, sandbox, env, timers,
          status -> exited(frameworkId, id, status));
      running.put(id, process);
      LOG.info("Task {} runs as process group {} in {}", id.getValue(), process.pid(), sandbox);
      report(frameworkId, id, TaskState.TASK_RUNNING, "");
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot start task {}: {}", id.getValue(), e.toString());
      report(frameworkId, id, TaskState.TASK_FAILED, "cannot start: " + e.getMessage());
    }
  }

  @Override
  public synchronized void kill(FrameworkID frameworkId, TaskID taskId) {
    TaskProcess process = running.get(taskId);
    if (process != null) {
      process.kill(killGrace);
    }
  }

  @Override
  public void shutdown() {
    List<TaskProcess> all;
    synchronized (this) {
      all = new ArrayList<>(running.values());
    }
    all.forEach(p -> p.destroyNow(Duration.ofSeconds(5)));
  }

  private void exited(FrameworkID frameworkId, TaskID taskId, int status) {
    TaskProcess process;
    synchronized (this) {
      process = running.remove(taskId);
    }
    if (process == null) {
      return;
    }
    if (process.isKilling()) {
      report(frameworkId, taskId, TaskState.TASK_KILLED, "killed");
    } else if (status == 0) {
      report(frameworkId, taskId, TaskState.TASK_FINISHED, "exited with status 0");
    } else {
      report(frameworkId, taskId, TaskState.TASK_FAILED, "exited with status " + status);
    }
  }

  private void report(FrameworkID frameworkId, TaskID taskId, TaskState state, String message) {
    sink.update(frameworkId, TaskStatuses.fromAgent(info.getId(), taskId, state, message, clock));
  }

  private static List<Long> ports(TaskInfo task) {
    List<Long> ports = new ArrayList<>();
    task.getResourcesList().stream().filter(r -> r.getName().equals("ports"))
        .forEach(r -> r.getRanges().getRangeList().forEach(range -> {
          for (long p = range.getBegin(); p <= range.getEnd() && ports.size() < 100; p++) {
            ports.add(p);
          }
        }));
    return ports;
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
