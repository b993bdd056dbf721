package io.aurora.server.localmesos;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the master does with a framework's calls about offers and tasks: ACCEPT (LAUNCH on the
 * offered agent, refusal filters for what is left), DECLINE, KILL and RECONCILE, with Mesos'
 * answers for invalid offers, invalid tasks and unknown tasks. Called with the master's lock held.
 */
final class TaskCalls {
  private static final Logger LOG = LoggerFactory.getLogger(TaskCalls.class);

  private final ResourceLedger book;
  private final Clock clock;

  TaskCalls(ResourceLedger book, Clock clock) {
    this.book = book;
    this.clock = clock;
  }

  void accept(FrameworkState framework, Call.Accept accept) {
    List<ResourceLedger.OfferRecord> used = new ArrayList<>();
    String invalid = null;
    for (OfferID id : accept.getOfferIdsList()) {
      Optional<ResourceLedger.OfferRecord> offer = book.offer(id);
      if (offer.isEmpty() || !offer.get().frameworkId().equals(framework.id)) {
        invalid = "Offer " + id.getValue() + " is no longer valid";
      } else if (!used.isEmpty() && !used.get(0).agentId().equals(offer.get().agentId())) {
        invalid = "Aggregated offers must belong to one agent";
      } else {
        used.add(offer.get());
      }
    }
    if (used.isEmpty() && invalid == null) {
      invalid = "No offers";
    }
    Resources available = Resources.EMPTY;
    for (ResourceLedger.OfferRecord offer : used) {
      book.withdraw(offer);
      available = available.plus(offer.resources());
    }
    for (Offer.Operation operation : accept.getOperationsList()) {
      if (operation.getType() != Offer.Operation.Type.LAUNCH) {
        LOG.info("The embedded master ignores {} operations", operation.getType());
        continue;
      }
      for (TaskInfo task : operation.getLaunch().getTaskInfosList()) {
        if (invalid != null) {
          TaskState state = framework.partitionAware() ? TaskState.TASK_DROPPED : TaskState.TASK_LOST;
          framework.sendUpdate(TaskStatuses.fromMaster(task.getTaskId(), task.getAgentId(), state,
              TaskStatus.Reason.REASON_INVALID_OFFERS, invalid, clock));
          continue;
        }
        available = launch(framework, used.get(0).agentId(), task, available);
      }
    }
    if (invalid == null) {
      ResourceLedger.refuse(framework, used.get(0).agentId(), accept.getFilters(), available,
          clock.instant());
    }
  }

  /** Launches one task within {@code available}; returns what is left. */
  private Resources launch(FrameworkState framework, AgentID agentId, TaskInfo task,
      Resources available) {
    List<org.apache.mesos.v1.Protos.Resource> all = new ArrayList<>(task.getResourcesList());
    if (task.hasExecutor()) {
      all.addAll(task.getExecutor().getResourcesList());
    }
    Resources needed = Resources.of(all);
    TaskRecord existing = framework.tasks.get(task.getTaskId());
    String error = null;
    if (existing != null && !existing.isTerminal()) {
      error = "Task has duplicate ID: " + task.getTaskId().getValue();
    } else if (!available.contains(needed)) {
      error = "Task uses more resources " + needed + " than available " + available;
    }
    if (error != null) {
      framework.sendUpdate(TaskStatuses.fromMaster(task.getTaskId(), agentId, TaskState.TASK_ERROR,
          TaskStatus.Reason.REASON_TASK_INVALID, error, clock));
      return available;
    }
    book.use(agentId, needed);
    framework.tasks.put(task.getTaskId(), new TaskRecord(task.getTaskId(), agentId, needed));
    book.agent(agentId).launch(framework.id, task);
    return available.minus(needed);
  }

  void decline(FrameworkState framework, List<OfferID> ids, Filters filters) {
    for (OfferID id : ids) {
      Optional<ResourceLedger.OfferRecord> offer = book.offer(id);
      if (offer.isPresent() && offer.get().frameworkId().equals(framework.id)) {
        book.withdraw(offer.get());
        ResourceLedger.refuse(framework, offer.get().agentId(), filters, offer.get().resources(),
            clock.instant());
      }
    }
  }

  void kill(FrameworkState framework, Call.Kill kill) {
    TaskRecord task = framework.tasks.get(kill.getTaskId());
    if (task == null) {
      // As Mesos does: killing an unknown task is answered like reconciling it.
      framework.sendUpdate(unknownTask(framework, kill.getTaskId(),
          kill.hasAgentId() ? kill.getAgentId() : null));
      return;
    }
    if (kill.hasAgentId() && !kill.getAgentId().equals(task.agentId)) {
      return;
    }
    if (!task.isTerminal()) {
      book.agent(task.agentId).kill(framework.id, task.id);
    }
  }

  void reconcile(FrameworkState framework, Call.Reconcile reconcile) {
    if (reconcile.getTasksCount() == 0) {
      for (TaskRecord task : framework.tasks.values()) {
        framework.sendUpdate(reconciled(task));
      }
      return;
    }
    for (Call.Reconcile.Task wanted : reconcile.getTasksList()) {
      TaskRecord task = framework.tasks.get(wanted.getTaskId());
      framework.sendUpdate(task != null ? reconciled(task) : unknownTask(framework,
          wanted.getTaskId(), wanted.hasAgentId() ? wanted.getAgentId() : null));
    }
  }

  private TaskStatus reconciled(TaskRecord task) {
    return TaskStatuses.fromMaster(task.id, task.agentId, task.state,
        TaskStatus.Reason.REASON_RECONCILIATION, "Reconciliation: Latest task state", clock);
  }

  private TaskStatus unknownTask(FrameworkState framework, TaskID taskId, AgentID agentId) {
    TaskState state;
    if (!framework.partitionAware()) {
      state = TaskState.TASK_LOST;
    } else if (agentId != null && !book.hasAgent(agentId)) {
      state = TaskState.TASK_UNKNOWN;
    } else {
      state = TaskState.TASK_GONE;
    }
    return TaskStatuses.fromMaster(taskId, agentId, state, TaskStatus.Reason.REASON_RECONCILIATION,
        "Reconciliation: Task is unknown", clock);
  }
}
