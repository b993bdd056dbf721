package io.aurora.scheduling.state;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of asking the {@link TaskStateMachine} for a state change.
 *
 * @param result whether the change is allowed
 * @param sideEffects what to do, in execution order (the {@link SideEffect} enum order)
 */
public record Transition(Result result, List<SideEffect> sideEffects) {

  /** Whether a transition happened. */
  public enum Result {
    /** Allowed; the side effects include {@link SideEffect#SAVE_STATE} or a delete. */
    SUCCESS,
    /** Not allowed; nothing to do. */
    ILLEGAL,
    /** Not allowed, but the side effects must still run (e.g. kill a task reported running). */
    ILLEGAL_WITH_SIDE_EFFECTS,
    /** Already in that state. */
    NOOP,
    /** A compare-and-set change whose expected state did not match the stored one. */
    INVALID_CAS_STATE
  }

  public Transition {
    Objects.requireNonNull(result, "result");
    sideEffects = List.copyOf(sideEffects);
  }

  static Transition of(Result result, Set<SideEffect> effects) {
    // EnumSet iterates in declaration order, which is the execution order.
    return new Transition(result, List.copyOf(effects.isEmpty()
        ? EnumSet.noneOf(SideEffect.class) : EnumSet.copyOf(effects)));
  }

  /** True if the task's state changed (SUCCESS). */
  public boolean succeeded() {
    return result == Result.SUCCESS;
  }
}
