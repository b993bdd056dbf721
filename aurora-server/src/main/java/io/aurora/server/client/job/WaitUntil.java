package io.aurora.server.client.job;

import io.aurora.api.Tasks;
import io.aurora.gen.ScheduleStatus;
import java.util.function.Predicate;

/**
 * What {@code job create} and {@code job add} wait for with {@code --wait-until}, as in Aurora's
 * client: nothing ({@code PENDING}: the tasks exist), every new instance running or already ended
 * ({@code RUNNING}), or every new instance ended ({@code FINISHED}).
 */
enum WaitUntil {
  PENDING("created", status -> true),
  RUNNING("running", status -> Tasks.LIVE_STATES.contains(status) || Tasks.isTerminal(status)),
  FINISHED("finished", Tasks::isTerminal);

  private final String goal;
  private final Predicate<ScheduleStatus> reached;

  WaitUntil(String goal, Predicate<ScheduleStatus> reached) {
    this.goal = goal;
    this.reached = reached;
  }

  /** How progress lines name the goal. */
  String goal() {
    return goal;
  }

  /** Whether a task in {@code status} has reached the goal. */
  boolean reached(ScheduleStatus status) {
    return reached.test(status);
  }

  /** Whether there is anything to wait for. */
  boolean waits() {
    return this != PENDING;
  }
}
