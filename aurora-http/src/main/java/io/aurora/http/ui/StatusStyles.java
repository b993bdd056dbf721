package io.aurora.http.ui;

import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.ScheduleStatus;

/** The colour class of a task or update status, as Aurora's UI coloured them. */
final class StatusStyles {
  private StatusStyles() {}

  /** okay (green), attention (yellow), error (red), in-progress (blue) or system (grey). */
  static String of(ScheduleStatus s) {
    return switch (s) {
      case RUNNING, FINISHED -> "okay";
      case ASSIGNED, PENDING, LOST, KILLING, DRAINING, PREEMPTING -> "attention";
      case THROTTLED, FAILED -> "error";
      case STARTING -> "in-progress";
      default -> "system";
    };
  }

  /** The class of an update status. */
  static String of(JobUpdateStatus s) {
    return switch (s) {
      case ROLLED_FORWARD -> "okay";
      case ROLL_FORWARD_PAUSED, ROLL_FORWARD_AWAITING_PULSE -> "attention";
      case ROLLING_FORWARD -> "in-progress";
      default -> "error";
    };
  }

  /** A coloured dot and the status name. */
  static String badge(ScheduleStatus s) {
    return "<span class=\"dot " + of(s) + "\"></span><span class=\"status\">" + s + "</span>";
  }

  /** A coloured dot and the update status name. */
  static String badge(JobUpdateStatus s) {
    return "<span class=\"dot " + of(s) + "\"></span><span class=\"status\">" + s + "</span>";
  }
}
