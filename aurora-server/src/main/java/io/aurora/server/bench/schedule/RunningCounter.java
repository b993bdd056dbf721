package io.aurora.server.bench.schedule;

import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.DriverListener;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * Passes every call to the real driver and counts the tasks whose TASK_RUNNING update was
 * acknowledged: the scheduler acknowledges an update only once the batch that stored it is
 * durable, so a count of {@code n} means {@code n} tasks are RUNNING in the replicated state.
 */
final class RunningCounter implements Driver {
  private final Driver delegate;
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  RunningCounter(Driver delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Tasks known durably RUNNING. */
  int running() {
    return running.size();
  }

  @Override
  public void acknowledge(TaskStatus status) {
    if (status.getState() == TaskState.TASK_RUNNING) {
      running.add(status.getTaskId().getValue());
    }
    delegate.acknowledge(status);
  }

  @Override
  public void subscribe(Optional<FrameworkID> frameworkId, DriverListener listener) {
    delegate.subscribe(frameworkId, listener);
  }

  @Override
  public void accept(List<OfferID> offerIds, List<Offer.Operation> operations, Filters filters) {
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
