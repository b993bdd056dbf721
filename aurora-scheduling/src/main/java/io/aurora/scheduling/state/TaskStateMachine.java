package io.aurora.scheduling.state;

import static io.aurora.scheduling.state.SideEffect.DELETE;
import static io.aurora.scheduling.state.SideEffect.INCREMENT_FAILURES;
import static io.aurora.scheduling.state.SideEffect.KILL;
import static io.aurora.scheduling.state.SideEffect.RESCHEDULE;
import static io.aurora.scheduling.state.SideEffect.SAVE_STATE;
import static io.aurora.scheduling.state.SideEffect.TRANSITION_TO_LOST;
import static io.aurora.scheduling.state.TaskState.ASSIGNED;
import static io.aurora.scheduling.state.TaskState.DRAINING;
import static io.aurora.scheduling.state.TaskState.FAILED;
import static io.aurora.scheduling.state.TaskState.FINISHED;
import static io.aurora.scheduling.state.TaskState.KILLED;
import static io.aurora.scheduling.state.TaskState.KILLING;
import static io.aurora.scheduling.state.TaskState.LOST;
import static io.aurora.scheduling.state.TaskState.PARTITIONED;
import static io.aurora.scheduling.state.TaskState.PENDING;
import static io.aurora.scheduling.state.TaskState.PREEMPTING;
import static io.aurora.scheduling.state.TaskState.RESTARTING;
import static io.aurora.scheduling.state.TaskState.RUNNING;
import static io.aurora.scheduling.state.TaskState.STARTING;
import static io.aurora.scheduling.state.TaskState.THROTTLED;

import io.aurora.scheduling.state.Transition.Result;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Aurora's task state machine: which state changes are allowed and which side effects follow.
 *
 * <p>Pure and stateless: the same snapshot and target always give the same {@link Transition}.
 * The caller (the state manager) performs the side effects, in the returned order, inside one
 * storage write. Rules, by current state:
 *
 * <ul>
 *   <li>INIT → PENDING, THROTTLED.
 *   <li>PENDING → ASSIGNED; THROTTLED → PENDING; both → KILLING, which deletes the task at once
 *       (nothing was launched, so nothing needs killing and no state is saved).
 *   <li>ASSIGNED, STARTING, RUNNING → the next launch states, terminal states (a FAILED counts a
 *       failure and reschedules within budget; FINISHED reschedules services; KILLED and LOST
 *       reschedule), and the kill-like states RESTARTING/DRAINING/PREEMPTING/KILLING, which kill.
 *       STARTING and RUNNING may become PARTITIONED.
 *   <li>PARTITIONED → any state the agent may report once it is back; a kill-like state cannot
 *       reach the task, so it is followed by LOST.
 *   <li>RESTARTING, DRAINING, PREEMPTING → terminal (always rescheduled, no failure counted).
 *   <li>KILLING → terminal (never rescheduled).
 *   <li>Terminal → DELETED.
 * </ul>
 *
 * A task that Mesos reports as launched (ASSIGNED/STARTING/RUNNING) while we consider it dying,
 * dead or unknown is killed even though the transition itself is illegal.
 */
public final class TaskStateMachine {

  private static final Set<TaskState> KILL_LIKE = EnumSet.of(RESTARTING, DRAINING, PREEMPTING, KILLING);
  private static final Set<TaskState> LAUNCH_REPORTS = EnumSet.of(ASSIGNED, STARTING, RUNNING);

  /** Decides the change of {@code task} to {@code to}. */
  public Transition transition(TaskSnapshot task, TaskState to) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(to, "to");
    if (task.state() == to) {
      return Transition.of(Result.NOOP, Set.of());
    }
    Set<SideEffect> effects = EnumSet.noneOf(SideEffect.class);
    boolean allowed = rules(task, to, effects);
    if (allowed) {
      if (to != TaskState.DELETED && !effects.contains(DELETE)) {
        effects.add(SAVE_STATE);
      }
      return Transition.of(Result.SUCCESS, effects);
    }
    if (LAUNCH_REPORTS.contains(to) && killsStrayLaunch(task.state())) {
      return Transition.of(Result.ILLEGAL_WITH_SIDE_EFFECTS, Set.of(KILL));
    }
    return Transition.of(Result.ILLEGAL, Set.of());
  }

  /** Compare-and-set: like {@link #transition} but only if the task is in {@code expected}. */
  public Transition transition(TaskSnapshot task, TaskState expected, TaskState to) {
    if (task.state() != expected) {
      return Transition.of(Result.INVALID_CAS_STATE, Set.of());
    }
    return transition(task, to);
  }

  private static boolean killsStrayLaunch(TaskState from) {
    return from == TaskState.DELETED || from.isTerminal() || KILL_LIKE.contains(from);
  }

  /** Adds the rule's side effects (other than SAVE_STATE) and says whether the move is allowed. */
  private static boolean rules(TaskSnapshot task, TaskState to, Set<SideEffect> effects) {
    switch (task.state()) {
      case INIT:
        return to == PENDING || to == THROTTLED;
      case PENDING:
      case THROTTLED:
        if (to == KILLING) {
          effects.add(DELETE);
          return true;
        }
        return to == (task.state() == PENDING ? ASSIGNED : PENDING);
      case ASSIGNED:
      case STARTING:
      case RUNNING:
        return fromLaunched(task, to, effects);
      case PARTITIONED:
        return fromPartitioned(task, to, effects);
      case PREEMPTING:
      case RESTARTING:
      case DRAINING:
        return fromKillLike(to, effects);
      case KILLING:
        return fromKilling(to, effects);
      case FINISHED:
      case FAILED:
      case KILLED:
      case LOST:
        if (to == TaskState.DELETED) {
          effects.add(DELETE);
          return true;
        }
        return false;
      case DELETED:
        return false;
      default:
        throw new IllegalStateException("Unhandled state " + task.state());
    }
  }

  private static boolean fromLaunched(TaskSnapshot task, TaskState to, Set<SideEffect> effects) {
    TaskState from = task.state();
    switch (to) {
      case STARTING:
        return from == ASSIGNED;
      case RUNNING:
        return true;
      case FINISHED:
        rescheduleIfService(task, effects);
        return true;
      case FAILED:
        failAndMaybeReschedule(task, effects);
        return true;
      case RESTARTING:
      case DRAINING:
      case PREEMPTING:
      case KILLING:
        effects.add(KILL);
        return true;
      case KILLED:
        effects.add(RESCHEDULE);
        return true;
      case LOST:
        effects.add(RESCHEDULE);
        if (from == ASSIGNED) {
          // A task lost before it reported anything may still start later: make sure it won't.
          effects.add(KILL);
        }
        return true;
      case PARTITIONED:
        return from != ASSIGNED;
      default:
        return false;
    }
  }

  private static boolean fromPartitioned(TaskSnapshot task, TaskState to, Set<SideEffect> effects) {
    switch (to) {
      case LOST:
        effects.add(KILL);
        if (!task.everKilling()) {
          effects.add(RESCHEDULE);
        }
        return true;
      case FAILED:
        failAndMaybeReschedule(task, effects);
        return true;
      case FINISHED:
      case RUNNING:
      case ASSIGNED:
      case STARTING:
        return true;
      case RESTARTING:
      case DRAINING:
      case PREEMPTING:
      case KILLING:
        // The agent is unreachable, so a kill cannot be delivered: give the task up as LOST.
        effects.add(TRANSITION_TO_LOST);
        return true;
      default:
        return false;
    }
  }

  private static boolean fromKillLike(TaskState to, Set<SideEffect> effects) {
    switch (to) {
      case FINISHED:
      case FAILED:
      case KILLED:
        // The scheduler ended the task on purpose: replace it without charging a failure.
        effects.add(RESCHEDULE);
        return true;
      case LOST:
        effects.add(KILL);
        effects.add(RESCHEDULE);
        return true;
      case KILLING:
        return true;
      case PARTITIONED:
        effects.add(TRANSITION_TO_LOST);
        return true;
      default:
        return false;
    }
  }

  private static boolean fromKilling(TaskState to, Set<SideEffect> effects) {
    switch (to) {
      case FINISHED:
      case FAILED:
      case KILLED:
      case LOST:
        return true;
      case DELETED:
        effects.add(DELETE);
        return true;
      case PARTITIONED:
        effects.add(TRANSITION_TO_LOST);
        return true;
      default:
        return false;
    }
  }

  private static void rescheduleIfService(TaskSnapshot task, Set<SideEffect> effects) {
    if (task.isService()) {
      effects.add(RESCHEDULE);
    }
  }

  private static void failAndMaybeReschedule(TaskSnapshot task, Set<SideEffect> effects) {
    effects.add(INCREMENT_FAILURES);
    if (task.isService()
        || task.maxTaskFailures() == -1
        || task.failureCount() < task.maxTaskFailures() - 1) {
      effects.add(RESCHEDULE);
    }
  }
}
