package io.aurora.scheduling.update;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.update.InstanceDecision.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what one instance of an update needs next, from its desired config and its tasks (the
 * active ones and those that ended). Aurora's per-instance rules:
 *
 * <ol>
 *   <li>A task with the desired config that ended since the instance's update began, and was not
 *       killed, counts one failure (each task once: the caller passes the ids it has counted).
 *       Past {@code maxPerInstanceFailures} failures the instance FAILED. (The task of a service
 *       job is replaced by the scheduler itself, so the update just watches the replacement.)
 *   <li>An active task with another config (or any active task of an instance to remove) is
 *       killed; while it is KILLING the instance waits.
 *   <li>With the desired config active: RUNNING for {@code minWaitInInstanceRunningMs} since its
 *       RUNNING event means SUCCEEDED, RUNNING for less means look again when the watch ends,
 *       any other status (pending, starting, throttled...) means wait.
 *   <li>No active task: ADD one with the desired config, or SUCCEEDED for an instance to remove.
 * </ol>
 */
public final class InstanceEvaluator {
  private final long minWaitMs;
  private final int maxPerInstanceFailures;

  /**
   * @param minWaitMs {@code minWaitInInstanceRunningMs}
   * @param maxPerInstanceFailures {@code maxPerInstanceFailures}
   */
  public InstanceEvaluator(long minWaitMs, int maxPerInstanceFailures) {
    if (minWaitMs < 0 || maxPerInstanceFailures < 0) {
      throw new IllegalArgumentException("minWaitMs and maxPerInstanceFailures must not be "
          + "negative: " + minWaitMs + ", " + maxPerInstanceFailures);
    }
    this.minWaitMs = minWaitMs;
    this.maxPerInstanceFailures = maxPerInstanceFailures;
  }

  /**
   * The decision for an instance.
   *
   * @param desired the config the instance should run, or empty if it should not exist
   * @param tasks the instance's tasks, active and ended
   * @param sinceMs when the instance's update (in this direction) began: tasks that ended
   *     earlier are not its failures
   * @param failuresSoFar failures already counted for the instance
   * @param counted ids of the tasks whose end has been counted
   * @param nowMs the current time
   */
  public InstanceDecision evaluate(Optional<TaskConfig> desired, Collection<InstanceTask> tasks,
      long sinceMs, int failuresSoFar, Set<String> counted, long nowMs) {
    List<String> newFailures = new ArrayList<>();
    if (desired.isPresent()) {
      for (InstanceTask t : tasks) {
        if (!t.isActive() && !t.wasKilled() && t.lastEventMs() >= sinceMs
            && !counted.contains(t.taskId()) && t.config().equals(desired.get())) {
          newFailures.add(t.taskId());
        }
      }
    }
    int failures = failuresSoFar + newFailures.size();
    if (!newFailures.isEmpty() && failures > maxPerInstanceFailures) {
      return decision(Kind.FAILED, 0, null, false, newFailures, failures);
    }
    List<InstanceTask> active = new ArrayList<>();
    for (InstanceTask t : tasks) {
      if (t.isActive()) {
        active.add(t);
      }
    }
    // Oldest first, so that a duplicate is handled in a stable order.
    active.sort(Comparator.comparingLong(InstanceTask::lastEventMs)
        .thenComparing(InstanceTask::taskId));
    boolean killing = false;
    for (InstanceTask t : active) {
      if (desired.isPresent() && t.config().equals(desired.get())) {
        continue;
      }
      if (t.status() == ScheduleStatus.KILLING) {
        killing = true;
        continue;
      }
      boolean unplaced = t.status() == ScheduleStatus.PENDING
          || t.status() == ScheduleStatus.THROTTLED;
      // Killing a task that is not placed deletes it at once: the new one can follow in the
      // same write, unless another task of the instance is still on its way out.
      boolean addAfter = desired.isPresent() && unplaced && active.size() == 1;
      return decision(Kind.KILL, 0, t, addAfter, newFailures, failures);
    }
    if (killing) {
      return decision(Kind.WAIT, 0, null, false, newFailures, failures);
    }
    if (desired.isEmpty()) {
      return decision(Kind.SUCCEEDED, 0, null, false, newFailures, failures);
    }
    if (active.isEmpty()) {
      return decision(Kind.ADD, 0, null, false, newFailures, failures);
    }
    InstanceTask current = active.get(active.size() - 1);
    if (current.status() != ScheduleStatus.RUNNING) {
      return decision(Kind.WAIT, 0, null, false, newFailures, failures);
    }
    long stableAt = current.lastEventMs() + minWaitMs;
    return nowMs >= stableAt
        ? decision(Kind.SUCCEEDED, 0, null, false, newFailures, failures)
        : decision(Kind.EVALUATE_AT, stableAt, null, false, newFailures, failures);
  }

  private static InstanceDecision decision(Kind kind, long at, InstanceTask kill, boolean addAfter,
      List<String> newFailures, int failures) {
    return new InstanceDecision(kind, at, Optional.ofNullable(kill), addAfter, newFailures,
        failures);
  }
}
