package io.aurora.scheduling.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.apiConstants;
import io.aurora.scheduling.update.UpdateStatusMachine.Command;
import io.aurora.scheduling.update.UpdateStatusMachine.Outcome;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every (status, status) pair and every command from every status, against Aurora's table. */
class UpdateStatusMachineTest {
  /** Aurora 0.22's JobUpdateStateMachine, one line per status: "FROM: TO TO ...". */
  private static final String AURORA = """
      ROLLING_FORWARD: ROLLING_BACK ROLL_FORWARD_PAUSED ROLL_FORWARD_AWAITING_PULSE ROLLED_FORWARD ABORTED FAILED ERROR
      ROLLING_BACK: ROLL_BACK_PAUSED ROLL_BACK_AWAITING_PULSE ROLLED_BACK ABORTED ERROR FAILED
      ROLL_FORWARD_PAUSED: ROLLING_BACK ROLLING_FORWARD ROLL_FORWARD_AWAITING_PULSE ABORTED ERROR
      ROLL_BACK_PAUSED: ROLLING_BACK ROLL_BACK_AWAITING_PULSE ABORTED ERROR
      ROLL_FORWARD_AWAITING_PULSE: ROLLING_BACK ROLLING_FORWARD ROLL_FORWARD_PAUSED ABORTED ERROR
      ROLL_BACK_AWAITING_PULSE: ROLLING_BACK ROLL_BACK_PAUSED ABORTED ERROR
      ROLLED_FORWARD:
      ROLLED_BACK:
      ABORTED:
      ERROR:
      FAILED:
      """;

  /**
   * What each command does from each status: the target, or "-" for a refusal. Columns: PAUSE,
   * RESUME, RESUME without a recent pulse, ROLLBACK, ABORT.
   */
  private static final String COMMANDS = """
      ROLLING_FORWARD: ROLL_FORWARD_PAUSED - - ROLLING_BACK ABORTED
      ROLLING_BACK: ROLL_BACK_PAUSED - - - ABORTED
      ROLL_FORWARD_PAUSED: - ROLLING_FORWARD ROLL_FORWARD_AWAITING_PULSE ROLLING_BACK ABORTED
      ROLL_BACK_PAUSED: - ROLLING_BACK ROLL_BACK_AWAITING_PULSE - ABORTED
      ROLL_FORWARD_AWAITING_PULSE: ROLL_FORWARD_PAUSED - - ROLLING_BACK ABORTED
      ROLL_BACK_AWAITING_PULSE: ROLL_BACK_PAUSED - - - ABORTED
      ROLLED_FORWARD: - - - - -
      ROLLED_BACK: - - - - -
      ABORTED: - - - - -
      ERROR: - - - - -
      FAILED: - - - - -
      """;

  private static Map<JobUpdateStatus, String[]> rows(String table) {
    Map<JobUpdateStatus, String[]> out = new EnumMap<>(JobUpdateStatus.class);
    for (String line : table.strip().split("\n")) {
      String[] parts = line.strip().split(":", 2);
      String rest = parts[1].strip();
      out.put(JobUpdateStatus.valueOf(parts[0]), rest.isEmpty() ? new String[0] : rest.split(" "));
    }
    return out;
  }

  @Test
  void everyPair_followsAurorasTable() {
    Map<JobUpdateStatus, String[]> table = rows(AURORA);
    assertThat(table.keySet()).containsExactlyInAnyOrder(JobUpdateStatus.values());
    int allowed = 0;
    for (JobUpdateStatus from : JobUpdateStatus.values()) {
      Set<JobUpdateStatus> expected = Arrays.stream(table.get(from)).map(JobUpdateStatus::valueOf)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(JobUpdateStatus.class)));
      for (JobUpdateStatus to : JobUpdateStatus.values()) {
        assertThat(UpdateStatusMachine.canTransition(from, to)).as("%s -> %s", from, to)
            .isEqualTo(expected.contains(to));
        allowed += expected.contains(to) ? 1 : 0;
      }
    }
    assertThat(allowed).isEqualTo(31);
  }

  @Test
  void everyCommand_fromEveryStatus() {
    Map<JobUpdateStatus, String[]> table = rows(COMMANDS);
    for (JobUpdateStatus from : JobUpdateStatus.values()) {
      String[] row = table.get(from);
      check(from, Command.PAUSE, false, row[0]);
      check(from, Command.RESUME, false, row[1]);
      check(from, Command.RESUME, true, row[2]);
      check(from, Command.ROLLBACK, false, row[3]);
      check(from, Command.ABORT, false, row[4]);
    }
  }

  private static void check(JobUpdateStatus from, Command command, boolean pulseOverdue,
      String expected) {
    Outcome outcome = UpdateStatusMachine.apply(command, from, pulseOverdue);
    String name = from + " " + command + (pulseOverdue ? " (pulse overdue)" : "");
    if (expected.equals("-")) {
      assertThat(outcome.applies()).as(name).isFalse();
      assertThat(outcome.refusal()).as(name).isNotBlank();
    } else {
      assertThat(outcome.target()).as(name).contains(JobUpdateStatus.valueOf(expected));
    }
  }

  @Test
  void statusSets_matchTheApiConstants() {
    assertThat(UpdateStatusMachine.ACTIVE)
        .containsExactlyInAnyOrderElementsOf(apiConstants.ACTIVE_JOB_UPDATE_STATES);
    assertThat(UpdateStatusMachine.AWAITING_PULSE)
        .containsExactlyInAnyOrderElementsOf(apiConstants.AWAITNG_PULSE_JOB_UPDATE_STATES);
  }

  @Test
  void refusals_sayWhy() {
    assertThat(UpdateStatusMachine.apply(Command.RESUME, JobUpdateStatus.ROLLING_FORWARD, false)
        .refusal()).contains("Only a paused update").contains("ROLLING_FORWARD");
    assertThat(UpdateStatusMachine.apply(Command.PAUSE, JobUpdateStatus.ROLLED_BACK, false)
        .refusal()).contains("ended (ROLLED_BACK)").contains("paused");
  }
}
