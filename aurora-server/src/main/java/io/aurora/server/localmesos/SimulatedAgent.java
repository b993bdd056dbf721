package io.aurora.server.localmesos;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;

/**
 * An agent that runs nothing: tasks report STARTING and RUNNING at once and then, if configured,
 * end in {@code endState} after {@code endAfter}. For scale tests with thousands of agents.
 *
 * <p>A task labelled {@value #FAIL_LABEL}{@code =true} (an Aurora job's metadata
 * {@code local_mesos.fail_on_start=true}, which becomes that label) reports STARTING and then
 * FAILED instead: a version that crashes at start, for benchmarks and tests of update rollback.
 */
final class SimulatedAgent implements Agent {
  /** The label of a task that fails as it starts. */
  static final String FAIL_LABEL = "org.apache.aurora.metadata.local_mesos.fail_on_start";

  private final AgentInfo info;
  private final StatusSink sink;
  private final ScheduledExecutorService timers;
  private final Clock clock;
  private final Optional<Duration> endAfter;
  private final TaskState endState;
  private final Map<TaskID, ScheduledFuture<?>> running = new HashMap<>();

  SimulatedAgent(AgentInfo info, StatusSink sink, ScheduledExecutorService timers, Clock clock,
      Optional<Duration> endAfter, TaskState endState) {
    this.info = info;
    this.sink = sink;
    this.timers = timers;
    this.clock = clock;
    this.endAfter = endAfter;
    this.endState = endState;
  }

  @Override
  public AgentInfo info() {
    return info;
  }

  @Override
  public synchronized void launch(FrameworkID frameworkId, TaskInfo task) {
    TaskID id = task.getTaskId();
    report(frameworkId, id, TaskState.TASK_STARTING, "");
    if (failsOnStart(task)) {
      report(frameworkId, id, TaskState.TASK_FAILED, "simulated failure on start");
      return;
    }
    report(frameworkId, id, TaskState.TASK_RUNNING, "");
    ScheduledFuture<?> end = endAfter.<ScheduledFuture<?>>map(delay -> timers.schedule(
        () -> finish(frameworkId, id, endState, "simulated end"),
        delay.toMillis(), TimeUnit.MILLISECONDS)).orElse(null);
    running.put(id, end);
  }

  @Override
  public synchronized void kill(FrameworkID frameworkId, TaskID taskId) {
    if (running.containsKey(taskId)) {
      ScheduledFuture<?> end = running.remove(taskId);
      if (end != null) {
        end.cancel(false);
      }
      report(frameworkId, taskId, TaskState.TASK_KILLED, "killed");
    }
  }

  @Override
  public synchronized void shutdown() {
    running.values().stream().filter(f -> f != null).forEach(f -> f.cancel(false));
    running.clear();
  }

  private synchronized void finish(FrameworkID frameworkId, TaskID taskId, TaskState state,
      String message) {
    if (running.remove(taskId) != null) {
      report(frameworkId, taskId, state, message);
    }
  }

  private static boolean failsOnStart(TaskInfo task) {
    return task.hasLabels() && task.getLabels().getLabelsList().stream()
        .anyMatch(l -> FAIL_LABEL.equals(l.getKey()) && "true".equals(l.getValue()));
  }

  private void report(FrameworkID frameworkId, TaskID taskId, TaskState state, String message) {
    sink.update(frameworkId, TaskStatuses.fromAgent(info.getId(), taskId, state, message, clock));
  }
}
