package io.aurora.scheduling.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.state.Transition.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every (state, target) pair against the rules of the reference (section 3), written out as data.
 * The table is for a non-service task with {@code maxTaskFailures = 1} and no failures yet, so a
 * FAILED only counts the failure; the rescheduling variants are tested separately below.
 */
class TaskStateMachineTest {

  /** {@code from to result effects...}; pairs not listed are ILLEGAL with no effects. */
  private static final String TABLE = """
      INIT PENDING SUCCESS SAVE_STATE
      INIT THROTTLED SUCCESS SAVE_STATE
      PENDING ASSIGNED SUCCESS SAVE_STATE
      PENDING KILLING SUCCESS DELETE
      THROTTLED PENDING SUCCESS SAVE_STATE
      THROTTLED KILLING SUCCESS DELETE
      ASSIGNED STARTING SUCCESS SAVE_STATE
      ASSIGNED RUNNING SUCCESS SAVE_STATE
      ASSIGNED FINISHED SUCCESS SAVE_STATE
      ASSIGNED FAILED SUCCESS INCREMENT_FAILURES SAVE_STATE
      ASSIGNED RESTARTING SUCCESS SAVE_STATE KILL
      ASSIGNED DRAINING SUCCESS SAVE_STATE KILL
      ASSIGNED PREEMPTING SUCCESS SAVE_STATE KILL
      ASSIGNED KILLING SUCCESS SAVE_STATE KILL
      ASSIGNED KILLED SUCCESS SAVE_STATE RESCHEDULE
      ASSIGNED LOST SUCCESS SAVE_STATE RESCHEDULE KILL
      STARTING RUNNING SUCCESS SAVE_STATE
      STARTING FINISHED SUCCESS SAVE_STATE
      STARTING FAILED SUCCESS INCREMENT_FAILURES SAVE_STATE
      STARTING RESTARTING SUCCESS SAVE_STATE KILL
      STARTING DRAINING SUCCESS SAVE_STATE KILL
      STARTING PREEMPTING SUCCESS SAVE_STATE KILL
      STARTING KILLING SUCCESS SAVE_STATE KILL
      STARTING KILLED SUCCESS SAVE_STATE RESCHEDULE
      STARTING LOST SUCCESS SAVE_STATE RESCHEDULE
      STARTING PARTITIONED SUCCESS SAVE_STATE
      RUNNING FINISHED SUCCESS SAVE_STATE
      RUNNING FAILED SUCCESS INCREMENT_FAILURES SAVE_STATE
      RUNNING RESTARTING SUCCESS SAVE_STATE KILL
      RUNNING DRAINING SUCCESS SAVE_STATE KILL
      RUNNING PREEMPTING SUCCESS SAVE_STATE KILL
      RUNNING KILLING SUCCESS SAVE_STATE KILL
      RUNNING KILLED SUCCESS SAVE_STATE RESCHEDULE
      RUNNING LOST SUCCESS SAVE_STATE RESCHEDULE
      RUNNING PARTITIONED SUCCESS SAVE_STATE
      PARTITIONED LOST SUCCESS SAVE_STATE RESCHEDULE KILL
      PARTITIONED FAILED SUCCESS INCREMENT_FAILURES SAVE_STATE
      PARTITIONED FINISHED SUCCESS SAVE_STATE
      PARTITIONED RUNNING SUCCESS SAVE_STATE
      PARTITIONED ASSIGNED SUCCESS SAVE_STATE
      PARTITIONED STARTING SUCCESS SAVE_STATE
      PARTITIONED RESTARTING SUCCESS SAVE_STATE TRANSITION_TO_LOST
      PARTITIONED DRAINING SUCCESS SAVE_STATE TRANSITION_TO_LOST
      PARTITIONED PREEMPTING SUCCESS SAVE_STATE TRANSITION_TO_LOST
      PARTITIONED KILLING SUCCESS SAVE_STATE TRANSITION_TO_LOST
      PREEMPTING FINISHED SUCCESS SAVE_STATE RESCHEDULE
      PREEMPTING FAILED SUCCESS SAVE_STATE RESCHEDULE
      PREEMPTING KILLED SUCCESS SAVE_STATE RESCHEDULE
      PREEMPTING LOST SUCCESS SAVE_STATE RESCHEDULE KILL
      PREEMPTING KILLING SUCCESS SAVE_STATE
      PREEMPTING PARTITIONED SUCCESS SAVE_STATE TRANSITION_TO_LOST
      PREEMPTING ASSIGNED ILLEGAL_WITH_SIDE_EFFECTS KILL
      PREEMPTING STARTING ILLEGAL_WITH_SIDE_EFFECTS KILL
      PREEMPTING RUNNING ILLEGAL_WITH_SIDE_EFFECTS KILL
      RESTARTING FINISHED SUCCESS SAVE_STATE RESCHEDULE
      RESTARTING FAILED SUCCESS SAVE_STATE RESCHEDULE
      RESTARTING KILLED SUCCESS SAVE_STATE RESCHEDULE
      RESTARTING LOST SUCCESS SAVE_STATE RESCHEDULE KILL
      RESTARTING KILLING SUCCESS SAVE_STATE
      RESTARTING PARTITIONED SUCCESS SAVE_STATE TRANSITION_TO_LOST
      RESTARTING ASSIGNED ILLEGAL_WITH_SIDE_EFFECTS KILL
      RESTARTING STARTING ILLEGAL_WITH_SIDE_EFFECTS KILL
      RESTARTING RUNNING ILLEGAL_WITH_SIDE_EFFECTS KILL
      DRAINING FINISHED SUCCESS SAVE_STATE RESCHEDULE
      DRAINING FAILED SUCCESS SAVE_STATE RESCHEDULE
      DRAINING KILLED SUCCESS SAVE_STATE RESCHEDULE
      DRAINING LOST SUCCESS SAVE_STATE RESCHEDULE KILL
      DRAINING KILLING SUCCESS SAVE_STATE
      DRAINING PARTITIONED SUCCESS SAVE_STATE TRANSITION_TO_LOST
      DRAINING ASSIGNED ILLEGAL_WITH_SIDE_EFFECTS KILL
      DRAINING STARTING ILLEGAL_WITH_SIDE_EFFECTS KILL
      DRAINING RUNNING ILLEGAL_WITH_SIDE_EFFECTS KILL
      KILLING FINISHED SUCCESS SAVE_STATE
      KILLING FAILED SUCCESS SAVE_STATE
      KILLING KILLED SUCCESS SAVE_STATE
      KILLING LOST SUCCESS SAVE_STATE
      KILLING DELETED SUCCESS DELETE
      KILLING PARTITIONED SUCCESS SAVE_STATE TRANSITION_TO_LOST
      KILLING ASSIGNED ILLEGAL_WITH_SIDE_EFFECTS KILL
      KILLING STARTING ILLEGAL_WITH_SIDE_EFFECTS KILL
      KILLING RUNNING ILLEGAL_WITH_SIDE_EFFECTS KILL
      FINISHED DELETED SUCCESS DELETE
      FINISHED ASSIGNED ILLEGAL_WITH_SIDE_EFFECTS KILL
      FINISHED STARTING ILLEGAL_WITH_SIDE_EFFECTS KILL
      FINISHED RUNNING ILLEGAL_WITH_SIDE_EFFECTS KILL
      FAILED DELETED SUCCESS DELETE
      FAILED ASSIGNED ILLEGAL_WITH_SIDE_EFFECTS KILL
      FAILED STARTING ILLEGAL_WITH_SIDE_EFFECTS KILL
      FAILED RUNNING ILLEGAL_WITH_SIDE_EFFECTS KILL
      KILLED DELETED SUCCESS DELETE
      KILLED ASSIGNED ILLEGAL_WITH_SIDE_EFFECTS KILL
      KILLED STARTING ILLEGAL_WITH_SIDE_EFFECTS KILL
      KILLED RUNNING ILLEGAL_WITH_SIDE_EFFECTS KILL
      LOST DELETED SUCCESS DELETE
      LOST ASSIGNED ILLEGAL_WITH_SIDE_EFFECTS KILL
      LOST STARTING ILLEGAL_WITH_SIDE_EFFECTS KILL
      LOST RUNNING ILLEGAL_WITH_SIDE_EFFECTS KILL
      DELETED ASSIGNED ILLEGAL_WITH_SIDE_EFFECTS KILL
      DELETED STARTING ILLEGAL_WITH_SIDE_EFFECTS KILL
      DELETED RUNNING ILLEGAL_WITH_SIDE_EFFECTS KILL
      """;

  private final TaskStateMachine machine = new TaskStateMachine();

  @Test
  void everyStateAndTarget_matchesTheTable() {
    Map<String, Transition> expected = parse();
    List<String> mismatches = new ArrayList<>();
    int pairs = 0;
    for (TaskState from : TaskState.values()) {
      for (TaskState to : TaskState.values()) {
        pairs++;
        Transition want = from == to
            ? new Transition(Result.NOOP, List.of())
            : expected.getOrDefault(from + " " + to, new Transition(Result.ILLEGAL, List.of()));
        Transition got = machine.transition(snapshot(from, false, 1, 0), to);
        if (!got.equals(want)) {
          mismatches.add(from + "->" + to + ": want " + want + " got " + got);
        }
      }
    }
    assertThat(pairs).isEqualTo(16 * 16);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void failed_reschedulesWhileFailuresRemain() {
    // maxTaskFailures 3: the first and second failures reschedule, the third does not.
    assertThat(failedEffects(false, 3, 0)).contains(SideEffect.RESCHEDULE);
    assertThat(failedEffects(false, 3, 1)).contains(SideEffect.RESCHEDULE);
    assertThat(failedEffects(false, 3, 2)).doesNotContain(SideEffect.RESCHEDULE);
  }

  @Test
  void failed_unlimitedBudgetOrService_alwaysReschedules() {
    assertThat(failedEffects(false, -1, 1000))
        .containsExactly(SideEffect.INCREMENT_FAILURES, SideEffect.SAVE_STATE, SideEffect.RESCHEDULE);
    assertThat(failedEffects(true, 1, 1000)).contains(SideEffect.RESCHEDULE);
  }

  @Test
  void finished_reschedulesOnlyServices() {
    for (TaskState from : List.of(TaskState.ASSIGNED, TaskState.STARTING, TaskState.RUNNING)) {
      assertThat(machine.transition(snapshot(from, true, 1, 0), TaskState.FINISHED).sideEffects())
          .containsExactly(SideEffect.SAVE_STATE, SideEffect.RESCHEDULE);
      assertThat(machine.transition(snapshot(from, false, 1, 0), TaskState.FINISHED).sideEffects())
          .containsExactly(SideEffect.SAVE_STATE);
    }
  }

  @Test
  void partitionedLost_afterAKill_isNotRescheduled() {
    TaskSnapshot killedOnce = new TaskSnapshot(TaskState.PARTITIONED, true, -1, 0, true);
    assertThat(machine.transition(killedOnce, TaskState.LOST).sideEffects())
        .containsExactly(SideEffect.SAVE_STATE, SideEffect.KILL);
  }

  @Test
  void compareAndSet_rejectsAMismatchedExpectedState() {
    TaskSnapshot running = snapshot(TaskState.RUNNING, false, 1, 0);
    assertThat(machine.transition(running, TaskState.ASSIGNED, TaskState.LOST).result())
        .isEqualTo(Result.INVALID_CAS_STATE);
    assertThat(machine.transition(running, TaskState.RUNNING, TaskState.LOST).result())
        .isEqualTo(Result.SUCCESS);
  }

  private List<SideEffect> failedEffects(boolean service, int max, int failures) {
    return machine.transition(snapshot(TaskState.RUNNING, service, max, failures), TaskState.FAILED)
        .sideEffects();
  }

  private static TaskSnapshot snapshot(TaskState state, boolean service, int max, int failures) {
    return new TaskSnapshot(state, service, max, failures, false);
  }

  private static Map<String, Transition> parse() {
    Map<String, Transition> table = new HashMap<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] f = line.strip().split(" ");
      List<SideEffect> effects = new ArrayList<>();
      for (int i = 3; i < f.length; i++) {
        effects.add(SideEffect.valueOf(f[i]));
      }
      table.put(f[0] + " " + f[1], new Transition(Result.valueOf(f[2]), effects));
    }
    return table;
  }
}
