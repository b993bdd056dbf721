package io.aurora.scheduling.update;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do about one instance of an update, as {@link InstanceEvaluator} decides it.
 *
 * @param kind the decision
 * @param evaluateAtMs for {@link Kind#EVALUATE_AT}: when the instance's watch ends
 * @param kill for {@link Kind#KILL}: the task to kill
 * @param addAfterKill for {@link Kind#KILL}: the killed task was not placed yet, so the kill
 *     deletes it at once and the desired task can be added in the same write
 * @param newFailures ids of the instance's tasks whose end is counted as a failure by this
 *     evaluation (the caller remembers them so that each end counts once)
 * @param failures the instance's failures so far, these included
 */
public record InstanceDecision(Kind kind, long evaluateAtMs, Optional<InstanceTask> kill,
    boolean addAfterKill, List<String> newFailures, int failures) {

  /** The decisions. */
  public enum Kind {
    /** The instance is done: its desired task ran long enough, or it has no task it should not. */
    SUCCEEDED,
    /** Its desired task is RUNNING but not yet for long enough: look again at the given time. */
    EVALUATE_AT,
    /** Something is under way (a task starting, or being killed): look again when it changes. */
    WAIT,
    /** Its desired task ended more often than the update tolerates: the instance failed. */
    FAILED,
    /** A task of another config (or of an instance to remove) must be killed. */
    KILL,
    /** The instance has no active task: add one with the desired config. */
    ADD
  }

  public InstanceDecision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(kill, "kill");
    newFailures = List.copyOf(newFailures);
    if ((kind == Kind.KILL) != kill.isPresent()) {
      throw new IllegalArgumentException("a kill, and only a kill, names its task: " + kind);
    }
  }

  /** Whether the instance is finished (succeeded or failed). */
  public boolean isFinal() {
    return kind == Kind.SUCCEEDED || kind == Kind.FAILED;
  }
}
