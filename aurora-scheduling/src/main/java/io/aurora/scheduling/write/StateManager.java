package io.aurora.scheduling.write;

import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.state.PartitionCycles;
import io.aurora.scheduling.state.RescheduleCalculator;
import io.aurora.scheduling.state.Rescheduling;
import io.aurora.scheduling.state.SideEffect;
import io.aurora.scheduling.state.TaskSnapshot;
import io.aurora.scheduling.state.TaskState;
import io.aurora.scheduling.state.TaskStateMachine;
import io.aurora.scheduling.state.Transition;
import io.aurora.scheduling.state.Transition.Result;
import io.aurora.storage.MutableStoreProvider;
import io.aurora.storage.TaskStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Performs task transitions inside a write transaction the caller holds, so that many transitions
 * (a batch of status updates, a round of assignments, a job kill) share one storage write.
 *
 * <p>For each change it asks the pure {@link TaskStateMachine}, then performs the side effects in
 * order: count the failure, save the state with a {@link TaskEvent} (entering PARTITIONED also
 * counts {@code timesPartitioned} and collapses partition cycles, see {@link PartitionCycles}),
 * insert the replacement task,
 * follow up with LOST, queue the kill, delete. Kills and change notices go to the caller's
 * {@link StateChanges}, to be acted on after the write is durable: Mesos must never hear of a
 * decision the log could still lose.
 */
public final class StateManager {
  private final TaskStateMachine machine = new TaskStateMachine();
  private final Clock clock;
  private final TaskIds taskIds;
  private final RescheduleCalculator rescheduleCalculator;
  private final String schedulerHost;
  private final AtomicLong illegalTransitions = new AtomicLong();

  public StateManager(Clock clock, TaskIds taskIds, RescheduleCalculator rescheduleCalculator,
      String schedulerHost) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.taskIds = Objects.requireNonNull(taskIds, "taskIds");
    this.rescheduleCalculator = Objects.requireNonNull(rescheduleCalculator, "rescheduleCalculator");
    this.schedulerHost = Objects.requireNonNull(schedulerHost, "schedulerHost");
  }

  /**
   * Inserts PENDING tasks for {@code instances} of {@code config}'s job.
   *
   * @return the new tasks' ids, in instance order
   * @throws IllegalArgumentException if an instance already has an active task
   */
  public List<String> insertPendingTasks(MutableStoreProvider stores, TaskConfig config,
      Set<Integer> instances, StateChanges out) {
    if (instances.isEmpty()) {
      return List.of();
    }
    JobKey job = config.getJob();
    TaskStore.Mutable tasks = stores.taskStore();
    Set<String> active = tasks.taskIds(TaskQueries.byJob(job)
        .instances(instances.stream().mapToInt(Integer::intValue).toArray())
        .statuses(Tasks.ACTIVE_STATES).build());
    if (!active.isEmpty()) {
      throw new IllegalArgumentException("Instances already have active tasks: " + active);
    }
    List<ScheduledTask> created = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    // One copy of the caller's config for all the instances: the store copies what it keeps,
    // and sees one config object (hashed and identified once) instead of one per instance.
    TaskConfig shared = config.deepCopy();
    for (int instance : instances.stream().sorted().toList()) {
      String id = taskIds.newId(job, instance);
      created.add(enter(Rescheduling.newTaskSharing(shared, instance, id), TaskState.PENDING,
          Optional.empty(), out));
      ids.add(id);
    }
    tasks.saveTasks(created);
    return ids;
  }

  /**
   * Moves a task built in INIT (not stored yet) to {@code to} through the state machine, like
   * every other transition; returns the task to store. The only side effect INIT has is
   * SAVE_STATE, which here sets the status and records the task's first event.
   */
  private ScheduledTask enter(ScheduledTask init, TaskState to, Optional<String> message,
      StateChanges out) {
    String id = init.getAssignedTask().getTaskId();
    Transition transition = machine.transition(TaskSnapshot.of(init), to);
    if (transition.result() != Result.SUCCESS
        || !transition.sideEffects().equals(List.of(SideEffect.SAVE_STATE))) {
      throw new IllegalStateException("INIT -> " + to + " gave " + transition + " for " + id);
    }
    TaskEvent event = event(to, message);
    init.setStatus(event.getStatus()).setTaskEvents(new ArrayList<>(List.of(event)));
    TransitionLog.transition(id, Optional.empty(), event.getStatus(), message);
    out.changed(id, to.status(), init.getAssignedTask().getTask().getJob(),
        init.getAssignedTask().getInstanceId());
    return init;
  }

  /** Moves a task to {@code to}; see {@link #changeState(MutableStoreProvider, String, Optional, ScheduleStatus, Optional, StateChanges)}. */
  public Result changeState(MutableStoreProvider stores, String taskId, ScheduleStatus to,
      Optional<String> message, StateChanges out) {
    return changeState(stores, taskId, Optional.empty(), to, message, out);
  }

  /**
   * Moves a task to {@code to}, if the state machine allows it and (when given) the task is in
   * {@code expected}.
   */
  public Result changeState(MutableStoreProvider stores, String taskId,
      Optional<ScheduleStatus> expected, ScheduleStatus to, Optional<String> message,
      StateChanges out) {
    return apply(stores, taskId, expected.map(TaskState::of), TaskState.of(to), message,
        Optional.empty(), out);
  }

  /**
   * Like {@link #changeState} for a status reported by Mesos: {@code agentId} lets an unknown task
   * that Mesos reports running be killed on its agent.
   */
  public Result reportedState(MutableStoreProvider stores, String taskId, ScheduleStatus to,
      Optional<String> message, Optional<String> agentId, StateChanges out) {
    return apply(stores, taskId, Optional.empty(), TaskState.of(to), message, agentId, out);
  }

  /** Deletes tasks (terminal ones, or any when forced by pruning of terminal tasks). */
  public void deleteTasks(MutableStoreProvider stores, Set<String> ids, StateChanges out) {
    for (String id : ids) {
      apply(stores, id, Optional.empty(), TaskState.DELETED, Optional.empty(), Optional.empty(), out);
    }
  }

  /**
   * Assigns a PENDING task to an agent: records agent, host and ports and moves it to ASSIGNED.
   *
   * @return the assigned task, or empty if the task is no longer PENDING
   */
  public Optional<AssignedTask> assignTask(MutableStoreProvider stores, String taskId,
      String agentId, String host, Map<String, Integer> ports, StateChanges out) {
    TaskStore.Mutable tasks = stores.taskStore();
    Optional<ScheduledTask> stored = tasks.fetchTask(taskId);
    if (stored.isEmpty() || stored.get().getStatus() != ScheduleStatus.PENDING) {
      return Optional.empty();
    }
    ScheduledTask task = stored.get();
    Transition transition = machine.transition(TaskSnapshot.of(task), TaskState.ASSIGNED);
    if (!transition.sideEffects().equals(List.of(SideEffect.SAVE_STATE))) {
      throw new IllegalStateException("PENDING -> ASSIGNED gave " + transition + " for " + taskId);
    }
    // The hot path of every launch: one fetch, two mutations, no read-back.
    tasks.assign(taskId, agentId, host, ports);
    save(tasks, task, TaskState.ASSIGNED, Optional.empty(), OptionalInt.empty());
    TransitionLog.assigned(taskId, host);
    out.changed(taskId, Optional.of(ScheduleStatus.ASSIGNED),
        task.getAssignedTask().getTask().getJob(), task.getAssignedTask().getInstanceId());
    return Optional.of(task.getAssignedTask()
        .setSlaveId(agentId).setSlaveHost(host).setAssignedPorts(new HashMap<>(ports)));
  }

  private Result apply(MutableStoreProvider stores, String taskId, Optional<TaskState> expected,
      TaskState to, Optional<String> message, Optional<String> agentHint, StateChanges out) {
    TaskStore.Mutable tasks = stores.taskStore();
    Optional<ScheduledTask> stored = tasks.fetchTask(taskId);
    TaskSnapshot snapshot = stored.map(TaskSnapshot::of).orElse(TaskSnapshot.unknown());
    Transition transition = expected.isPresent()
        ? machine.transition(snapshot, expected.get(), to)
        : machine.transition(snapshot, to);
    if (transition.result() == Result.ILLEGAL
        || transition.result() == Result.ILLEGAL_WITH_SIDE_EFFECTS) {
      illegalTransitions.incrementAndGet();
    }
    OptionalInt failures = OptionalInt.empty();
    for (SideEffect effect : transition.sideEffects()) {
      switch (effect) {
        case INCREMENT_FAILURES:
          failures = OptionalInt.of(snapshot.failureCount() + 1);
          break;
        case SAVE_STATE:
          ScheduleStatus from = stored.get().getStatus();
          save(tasks, stored.get(), to, message, failures);
          TransitionLog.transition(taskId, Optional.of(from), to.status().orElseThrow(), message);
          out.changed(taskId, to.status(), jobOf(stored.get()), instanceOf(stored.get()));
          break;
        case RESCHEDULE:
          reschedule(tasks, taskId, out);
          break;
        case TRANSITION_TO_LOST:
          apply(stores, taskId, Optional.empty(), TaskState.LOST,
              Optional.of("Action performed on partitioned task, marking as LOST."),
              Optional.empty(), out);
          break;
        case KILL:
          Optional<String> agent = stored
              .filter(t -> t.getAssignedTask().isSetSlaveId())
              .map(t -> t.getAssignedTask().getSlaveId())
              .or(() -> agentHint);
          out.kill(taskId, agent);
          break;
        case DELETE:
          tasks.removeTasks(Set.of(taskId));
          out.changed(taskId, Optional.empty(), jobOf(stored.get()), instanceOf(stored.get()));
          break;
        default:
          throw new IllegalStateException("Unknown side effect " + effect);
      }
    }
    return transition.result();
  }

  private static JobKey jobOf(ScheduledTask task) {
    return task.getAssignedTask().getTask().getJob();
  }

  private static int instanceOf(ScheduledTask task) {
    return task.getAssignedTask().getInstanceId();
  }

  /** Refused transitions so far ({@code scheduler_illegal_task_state_transitions}). */
  public long illegalTransitions() {
    return illegalTransitions.get();
  }

  private void save(TaskStore.Mutable tasks, ScheduledTask task, TaskState to,
      Optional<String> message, OptionalInt failures) {
    TaskEvent event = event(to, message);
    String id = task.getAssignedTask().getTaskId();
    if (to != TaskState.PARTITIONED) {
      tasks.changeStatus(id, event, failures, OptionalInt.empty());
      return;
    }
    int partitions = task.getTimesPartitioned() + 1;
    List<TaskEvent> history = task.isSetTaskEvents() ? task.getTaskEvents() : List.of();
    if (!PartitionCycles.collapses(history)) {
      tasks.changeStatus(id, event, failures, OptionalInt.of(partitions));
      return;
    }
    // The status op can only append, so a collapsed cycle rewrites the task whole (rare: once
    // per partition of a task that has been partitioned before).
    ScheduledTask compacted = task.deepCopy()
        .setStatus(ScheduleStatus.PARTITIONED)
        .setTimesPartitioned(partitions)
        .setTaskEvents(PartitionCycles.append(history, event));
    failures.ifPresent(compacted::setFailureCount);
    tasks.saveTasks(List.of(compacted));
  }

  /** The event of entering {@code to} now, recorded by this scheduler. */
  private TaskEvent event(TaskState to, Optional<String> message) {
    TaskEvent event = new TaskEvent(clock.millis(), to.status().orElseThrow())
        .setScheduler(schedulerHost);
    message.ifPresent(event::setMessage);
    return event;
  }

  private void reschedule(TaskStore.Mutable tasks, String taskId, StateChanges out) {
    // Read back: the penalty looks at the history including the event just saved.
    ScheduledTask ended = tasks.fetchTask(taskId).orElseThrow();
    long penalty = rescheduleCalculator.flappingPenaltyMs(ended, tasks::fetchTask);
    AssignedTask old = ended.getAssignedTask();
    String newId = taskIds.newId(old.getTask().getJob(), old.getInstanceId());
    ScheduledTask replacement = enter(Rescheduling.replacement(ended, newId),
        Rescheduling.replacementState(penalty),
        Optional.of(Rescheduling.replacementMessage(penalty)), out);
    tasks.saveTasks(List.of(replacement));
  }
}
