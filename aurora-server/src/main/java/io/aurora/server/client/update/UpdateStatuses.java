package io.aurora.server.client.update;

import static io.aurora.gen.JobUpdateStatus.ERROR;
import static io.aurora.gen.JobUpdateStatus.FAILED;
import static io.aurora.gen.JobUpdateStatus.ROLLED_BACK;
import static io.aurora.gen.JobUpdateStatus.ROLLED_FORWARD;
import static io.aurora.gen.JobUpdateStatus.ROLL_BACK_AWAITING_PULSE;
import static io.aurora.gen.JobUpdateStatus.ROLL_BACK_PAUSED;
import static io.aurora.gen.JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE;
import static io.aurora.gen.JobUpdateStatus.ROLL_FORWARD_PAUSED;

import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.apiConstants;
import io.aurora.server.client.cli.ExitCodes;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

/**
 * Update statuses as the update verbs see them: which are active, the groups {@code update list
 * --status} accepts besides status names (Aurora's client's groups), and the exit status of a wait
 * that saw an update end.
 */
final class UpdateStatuses {
  /** {@code --status} groups: a word for several statuses. */
  static final Map<String, EnumSet<JobUpdateStatus>> GROUPS = Map.of(
      "active", active(),
      "inactive", EnumSet.complementOf(active()),
      "all", EnumSet.allOf(JobUpdateStatus.class),
      "blocked", EnumSet.of(ROLL_FORWARD_AWAITING_PULSE, ROLL_BACK_AWAITING_PULSE),
      "paused", EnumSet.of(ROLL_FORWARD_PAUSED, ROLL_BACK_PAUSED),
      "failed", EnumSet.of(ROLLED_BACK, ERROR, FAILED),
      "succeeded", EnumSet.of(ROLLED_FORWARD));

  private UpdateStatuses() {}

  /** The statuses of an update that has not ended (a fresh copy of the IDL's constant). */
  static EnumSet<JobUpdateStatus> active() {
    return EnumSet.copyOf(apiConstants.ACTIVE_JOB_UPDATE_STATES);
  }

  /** Whether an update in {@code status} has ended. */
  static boolean ended(JobUpdateStatus status) {
    return status != null && !apiConstants.ACTIVE_JOB_UPDATE_STATES.contains(status);
  }

  /**
   * The exit status of waiting for an update that ended in {@code status}: 0 rolled forward,
   * {@link ExitCodes#COMMAND_FAILURE} rolled back, {@link ExitCodes#UNKNOWN_ERROR} otherwise.
   */
  static int exitCode(JobUpdateStatus status) {
    if (status == ROLLED_FORWARD) {
      return ExitCodes.OK;
    }
    return status == ROLLED_BACK ? ExitCodes.COMMAND_FAILURE : ExitCodes.UNKNOWN_ERROR;
  }

  /** A status name or a group, in any case. */
  static EnumSet<JobUpdateStatus> parse(String word) {
    String text = word.strip();
    EnumSet<JobUpdateStatus> group = GROUPS.get(text.toLowerCase(Locale.ROOT));
    if (group != null) {
      return EnumSet.copyOf(group);
    }
    try {
      return EnumSet.of(JobUpdateStatus.valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + word + "' is neither an update status ("
          + EnumSet.allOf(JobUpdateStatus.class) + ") nor a group " + GROUPS.keySet().stream()
              .sorted().toList());
    }
  }
}
