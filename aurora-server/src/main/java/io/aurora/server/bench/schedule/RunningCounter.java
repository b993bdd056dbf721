package io.aurora.server.bench.schedule;

import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.DriverListener;
import io.aurora.server.bench.LatencySummary;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * Passes every call to the real driver, counts the tasks whose TASK_RUNNING update was
 * acknowledged and times each from the ACCEPT that launched it: the scheduler acknowledges an
 * update only once the batch that stored it is durable, so a count of {@code n} means {@code n}
 * tasks are RUNNING in the replicated state.
 */
final class RunningCounter implements Driver {
  private final Driver delegate;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> launchedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> runningAfter = new ConcurrentHashMap<>();
  private final AtomicLong lastLaunch = new AtomicLong();

  RunningCounter(Driver delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Tasks known durably RUNNING. */
  int running() {
    return running.size();
  }

  /** When the last ACCEPT that launched tasks was sent ({@link System#nanoTime()}). */
  long lastLaunchNanos() {
    return lastLaunch.get();
  }

  /** Per task, the time from the ACCEPT that launched it to its RUNNING update acknowledged. */
  LatencySummary launchToRunning() {
    return LatencySummary.of(runningAfter.values().stream().mapToLong(Long::longValue).toArray());
  }

  @Override
  public void acknowledge(TaskStatus status) {
    if (status.getState() == TaskState.TASK_RUNNING) {
      String id = status.getTaskId().getValue();
      if (running.add(id)) {
        Long launched = launchedAt.get(id);
        if (launched != null) {
          runningAfter.put(id, System.nanoTime() - launched);
        }
      }
    }
    delegate.acknowledge(status);
  }

  @Override
  public void subscribe(Optional<FrameworkID> frameworkId, DriverListener listener) {
    delegate.subscribe(frameworkId, listener);
  }

  @Override
  public void accept(List<OfferID> offerIds, List<Offer.Operation> operations, Filters filters) {
    long now = System.nanoTime();
    for (Offer.Operation operation : operations) {
      for (TaskInfo task : operation.getLaunch().getTaskInfosList()) {
        launchedAt.putIfAbsent(task.getTaskId().getValue(), now);
        lastLaunch.set(now);
      }
    }
    delegate.accept(offerIds, operations, filters);
  }

  @Override
  public void decline(List<OfferID> offerIds, Filters filters) {
    delegate.decline(offerIds, filters);
  }

  @Override
  public void kill(TaskID taskId, Optional<AgentID> agentId) {
    delegate.kill(taskId, agentId);
  }

  @Override
  public void reconcile(List<Call.Reconcile.Task> tasks) {
    delegate.reconcile(tasks);
  }

  @Override
  public void reconcileAll() {
    delegate.reconcileAll();
  }

  @Override
  public void revive(List<String> roles) {
    delegate.revive(roles);
  }

  @Override
  public void suppress(List<String> roles) {
    delegate.suppress(roles);
  }

  @Override
  public void teardown() {
    delegate.teardown();
  }

  @Override
  public void stop() {
    delegate.stop();
  }
}
