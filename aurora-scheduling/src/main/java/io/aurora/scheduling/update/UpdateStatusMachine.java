package io.aurora.scheduling.update;

import static io.aurora.gen.JobUpdateStatus.ABORTED;
import static io.aurora.gen.JobUpdateStatus.ERROR;
import static io.aurora.gen.JobUpdateStatus.FAILED;
import static io.aurora.gen.JobUpdateStatus.ROLLED_BACK;
import static io.aurora.gen.JobUpdateStatus.ROLLED_FORWARD;
import static io.aurora.gen.JobUpdateStatus.ROLLING_BACK;
import static io.aurora.gen.JobUpdateStatus.ROLLING_FORWARD;
import static io.aurora.gen.JobUpdateStatus.ROLL_BACK_AWAITING_PULSE;
import static io.aurora.gen.JobUpdateStatus.ROLL_BACK_PAUSED;
import static io.aurora.gen.JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE;
import static io.aurora.gen.JobUpdateStatus.ROLL_FORWARD_PAUSED;

import io.aurora.gen.JobUpdateStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Aurora's job update status machine: which status may follow which, and what the operator
 * calls (pause, resume, roll back, abort) do from each status. Everything else is refused with a
 * message that says why.
 *
 * <p>The transitions (Aurora 0.22): ROLLING_FORWARD may go to ROLLING_BACK, either forward pause,
 * ROLLED_FORWARD, ABORTED, FAILED or ERROR; ROLLING_BACK to either backward pause, ROLLED_BACK,
 * ABORTED, ERROR or FAILED; a paused or pulse-blocked update to the rolling status of its
 * direction, the other kind of stop of its direction, ABORTED or ERROR, and a forward one also to
 * ROLLING_BACK. Terminal statuses go nowhere.
 */
public final class UpdateStatusMachine {
  /** The statuses of an update that has not ended ({@code ACTIVE_JOB_UPDATE_STATES}). */
  public static final Set<JobUpdateStatus> ACTIVE = Collections.unmodifiableSet(EnumSet.of(
      ROLLING_FORWARD, ROLLING_BACK, ROLL_FORWARD_PAUSED, ROLL_BACK_PAUSED,
      ROLL_FORWARD_AWAITING_PULSE, ROLL_BACK_AWAITING_PULSE));

  /** The statuses of an update moving its instances toward the new configuration. */
  public static final Set<JobUpdateStatus> FORWARD = Collections.unmodifiableSet(EnumSet.of(
      ROLLING_FORWARD, ROLL_FORWARD_PAUSED, ROLL_FORWARD_AWAITING_PULSE));

  /** The statuses that wait for a pulse ({@code AWAITNG_PULSE_JOB_UPDATE_STATES}). */
  public static final Set<JobUpdateStatus> AWAITING_PULSE = Collections.unmodifiableSet(
      EnumSet.of(ROLL_FORWARD_AWAITING_PULSE, ROLL_BACK_AWAITING_PULSE));

  private static final Map<JobUpdateStatus, Set<JobUpdateStatus>> NEXT =
      new EnumMap<>(JobUpdateStatus.class);

  static {
    NEXT.put(ROLLING_FORWARD, EnumSet.of(ROLLING_BACK, ROLL_FORWARD_PAUSED,
        ROLL_FORWARD_AWAITING_PULSE, ROLLED_FORWARD, ABORTED, FAILED, ERROR));
    NEXT.put(ROLLING_BACK, EnumSet.of(ROLL_BACK_PAUSED, ROLL_BACK_AWAITING_PULSE, ROLLED_BACK,
        ABORTED, ERROR, FAILED));
    NEXT.put(ROLL_FORWARD_PAUSED, EnumSet.of(ROLLING_BACK, ROLLING_FORWARD,
        ROLL_FORWARD_AWAITING_PULSE, ABORTED, ERROR));
    NEXT.put(ROLL_BACK_PAUSED, EnumSet.of(ROLLING_BACK, ROLL_BACK_AWAITING_PULSE, ABORTED, ERROR));
    NEXT.put(ROLL_FORWARD_AWAITING_PULSE, EnumSet.of(ROLLING_BACK, ROLLING_FORWARD,
        ROLL_FORWARD_PAUSED, ABORTED, ERROR));
    NEXT.put(ROLL_BACK_AWAITING_PULSE, EnumSet.of(ROLLING_BACK, ROLL_BACK_PAUSED, ABORTED, ERROR));
    for (JobUpdateStatus s : JobUpdateStatus.values()) {
      NEXT.putIfAbsent(s, EnumSet.noneOf(JobUpdateStatus.class));
    }
  }

  /** What an operator asks of an update. */
  public enum Command {
    PAUSE("paused"), RESUME("resumed"), ROLLBACK("rolled back"), ABORT("aborted");

    private final String done;

    Command(String done) {
      this.done = done;
    }
  }

  /**
   * The answer to a command: the status to move to, or why the command is refused.
   *
   * @param target the new status, if the command applies
   * @param refusal why not, if it does not (empty when {@code target} is present)
   */
  public record Outcome(Optional<JobUpdateStatus> target, String refusal) {
    public Outcome {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(refusal, "refusal");
    }

    static Outcome moveTo(JobUpdateStatus status) {
      return new Outcome(Optional.of(status), "");
    }

    static Outcome refuse(String why) {
      return new Outcome(Optional.empty(), why);
    }

    /** Whether the command applies. */
    public boolean applies() {
      return target.isPresent();
    }
  }

  private UpdateStatusMachine() {}

  /** Whether an update may move from {@code from} to {@code to}. */
  public static boolean canTransition(JobUpdateStatus from, JobUpdateStatus to) {
    return NEXT.get(Objects.requireNonNull(from, "from")).contains(Objects.requireNonNull(to, "to"));
  }

  /** Whether an update in {@code status} has not ended. */
  public static boolean isActive(JobUpdateStatus status) {
    return status != null && ACTIVE.contains(status);
  }

  /** Whether an update in {@code status} moves toward its new configuration. */
  public static boolean isForward(JobUpdateStatus status) {
    return FORWARD.contains(status);
  }

  /** Whether an update in {@code status} acts on its instances (not paused, blocked or ended). */
  public static boolean isRolling(JobUpdateStatus status) {
    return status == ROLLING_FORWARD || status == ROLLING_BACK;
  }

  /** The rolling status of {@code status}'s direction. */
  public static JobUpdateStatus rolling(JobUpdateStatus status) {
    return isForward(status) ? ROLLING_FORWARD : ROLLING_BACK;
  }

  /** The pulse-blocked status of {@code status}'s direction. */
  public static JobUpdateStatus awaitingPulse(JobUpdateStatus status) {
    return isForward(status) ? ROLL_FORWARD_AWAITING_PULSE : ROLL_BACK_AWAITING_PULSE;
  }

  /** The paused status of {@code status}'s direction. */
  public static JobUpdateStatus paused(JobUpdateStatus status) {
    return isForward(status) ? ROLL_FORWARD_PAUSED : ROLL_BACK_PAUSED;
  }

  /** The terminal status of a direction whose instances are all done. */
  public static JobUpdateStatus finished(JobUpdateStatus status) {
    return isForward(status) ? ROLLED_FORWARD : ROLLED_BACK;
  }

  /**
   * What {@code command} does to an update in {@code current}.
   *
   * <ul>
   *   <li>PAUSE: a rolling or pulse-blocked update stops in the paused status of its direction.
   *   <li>RESUME: a paused update rolls on in its direction, or waits for a pulse if
   *       {@code pulseOverdue} (it needs pulses and has had none recently).
   *   <li>ROLLBACK: an active forward update starts rolling back.
   *   <li>ABORT: any active update ends ABORTED.
   * </ul>
   */
  public static Outcome apply(Command command, JobUpdateStatus current, boolean pulseOverdue) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(current, "current");
    if (!isActive(current)) {
      return Outcome.refuse("The update has ended (" + current + ") and cannot be "
          + command.done + ".");
    }
    switch (command) {
      case PAUSE:
        if (current == ROLL_FORWARD_PAUSED || current == ROLL_BACK_PAUSED) {
          return Outcome.refuse("The update is already paused (" + current + ").");
        }
        return checked(current, paused(current));
      case RESUME:
        if (current != ROLL_FORWARD_PAUSED && current != ROLL_BACK_PAUSED) {
          return Outcome.refuse("Only a paused update can be resumed; this one is " + current
              + ".");
        }
        return checked(current, pulseOverdue ? awaitingPulse(current) : rolling(current));
      case ROLLBACK:
        if (!isForward(current)) {
          return Outcome.refuse("The update is already rolling back (" + current + ").");
        }
        return checked(current, ROLLING_BACK);
      case ABORT:
        return checked(current, ABORTED);
      default:
        throw new IllegalArgumentException("Unknown command " + command);
    }
  }

  private static Outcome checked(JobUpdateStatus from, JobUpdateStatus to) {
    if (!canTransition(from, to)) {
      // The command table above stays within the transition table; this guards edits to either.
      throw new IllegalStateException(from + " -> " + to + " is not a transition");
    }
    return Outcome.moveTo(to);
  }
}
