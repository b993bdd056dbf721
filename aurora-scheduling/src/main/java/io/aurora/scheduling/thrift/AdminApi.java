package io.aurora.scheduling.thrift;

import static io.aurora.scheduling.thrift.InvalidRequestException.check;

import io.aurora.api.Tasks;
import io.aurora.gen.ExplicitReconciliationSettings;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.write.StateManager;
import io.aurora.scheduling.write.StateWriter;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Operator calls: forceTaskState, pruneTasks, snapshot, reconciliation triggers. */
public final class AdminApi {
  private final StateWriter writer;
  private final StateManager stateManager;
  private final TaskReconciler reconciler;
  private final Optional<Runnable> snapshotter;
  private final int defaultReconcileBatchSize;

  /**
   * @param snapshotter takes a storage snapshot now, if the storage supports it
   * @param defaultReconcileBatchSize batch size of explicit reconciliation when none is given
   */
  public AdminApi(StateWriter writer, TaskReconciler reconciler, Optional<Runnable> snapshotter,
      int defaultReconcileBatchSize) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.stateManager = writer.stateManager();
    this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
    this.snapshotter = Objects.requireNonNull(snapshotter, "snapshotter");
    this.defaultReconcileBatchSize = defaultReconcileBatchSize;
  }

  public Response forceTaskState(String taskId, ScheduleStatus status) {
    return forceTaskState(taskId, status, JobsApi.UNAUTHENTICATED_USER);
  }

  /** Forces the state as {@code user}, who is named in the task's event. */
  public Response forceTaskState(String taskId, ScheduleStatus status, String user) {
    check(taskId != null && !taskId.isEmpty(), "taskId is required");
    check(status != null, "status is required");
    writer.write((s, changes) -> stateManager.changeState(s, taskId, status,
        Optional.of("Transition forced by " + user), changes));
    return Responses.ok();
  }

  public Response pruneTasks(TaskQuery query) {
    TaskQuery terminal = RequestChecks.checkQuery(query).deepCopy();
    if (!terminal.isSetStatuses() || terminal.getStatuses().isEmpty()) {
      terminal.setStatuses(EnumSet.copyOf(Tasks.TERMINAL_STATES));
    }
    check(Tasks.TERMINAL_STATES.containsAll(terminal.getStatuses()),
        "query.statuses: only terminal tasks can be pruned, got " + terminal.getStatuses());
    if (RequestChecks.selectsNothing(terminal)) {
      return Responses.ok();
    }
    writer.write((s, changes) -> {
      Set<String> ids = new LinkedHashSet<>();
      for (ScheduledTask t : s.taskStore().fetchTasks(terminal)) {
        ids.add(t.getAssignedTask().getTaskId());
      }
      stateManager.deleteTasks(s, ids, changes);
      return null;
    });
    return Responses.ok();
  }

  public Response snapshot() {
    if (snapshotter.isEmpty()) {
      return Responses.withCode(ResponseCode.ERROR, "This storage does not take snapshots.");
    }
    snapshotter.get().run();
    return Responses.ok();
  }

  public Response triggerExplicitTaskReconciliation(ExplicitReconciliationSettings settings) {
    int batch = defaultReconcileBatchSize;
    if (settings != null && settings.isSetBatchSize()) {
      check(settings.getBatchSize() > 0,
          "settings.batchSize must be positive, got " + settings.getBatchSize());
      batch = settings.getBatchSize();
    }
    reconciler.explicit(batch);
    return Responses.ok();
  }

  public Response triggerImplicitTaskReconciliation() {
    reconciler.implicit();
    return Responses.ok();
  }
}
