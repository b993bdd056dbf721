package io.aurora.scheduling.update;

import static io.aurora.scheduling.update.JobDiffTest.V1;
import static io.aurora.scheduling.update.JobDiffTest.V2;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.update.InstanceDecision.Kind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceEvaluatorTest {
  private static final long WATCH = 30_000;
  private final InstanceEvaluator evaluator = new InstanceEvaluator(WATCH, 1);

  private static InstanceTask task(String id, io.aurora.gen.TaskConfig config,
      ScheduleStatus status, long lastEventMs, boolean killed) {
    return new InstanceTask(id, config, status, lastEventMs, killed, "agent-1");
  }

  private InstanceDecision eval(Optional<io.aurora.gen.TaskConfig> desired, long now,
      InstanceTask... tasks) {
    return evaluator.evaluate(desired, List.of(tasks), 1_000, 0, Set.of(), now);
  }

  @Test
  void anOldConfig_isKilled_andWaitedFor_thenReplaced() {
    InstanceDecision kill = eval(Optional.of(V2), 5_000,
        task("old", V1, ScheduleStatus.RUNNING, 0, false));
    assertThat(kill.kind()).isEqualTo(Kind.KILL);
    assertThat(kill.kill().orElseThrow().taskId()).isEqualTo("old");
    assertThat(kill.addAfterKill()).isFalse();
    assertThat(eval(Optional.of(V2), 5_000, task("old", V1, ScheduleStatus.KILLING, 2_000, true))
        .kind()).isEqualTo(Kind.WAIT);
    assertThat(eval(Optional.of(V2), 5_000, task("old", V1, ScheduleStatus.KILLED, 3_000, true))
        .kind()).isEqualTo(Kind.ADD);
    assertThat(eval(Optional.of(V2), 5_000).kind()).isEqualTo(Kind.ADD);
  }

  @Test
  void aPendingOldTask_isReplacedInOneStep() {
    InstanceDecision d = eval(Optional.of(V2), 5_000,
        task("old", V1, ScheduleStatus.PENDING, 0, false));
    assertThat(d.kind()).isEqualTo(Kind.KILL);
    assertThat(d.addAfterKill()).isTrue();
  }

  @Test
  void theDesiredTask_succeedsAfterItsWatch() {
    assertThat(eval(Optional.of(V2), 5_000, task("new", V2, ScheduleStatus.STARTING, 4_000, false))
        .kind()).isEqualTo(Kind.WAIT);
    InstanceDecision young = eval(Optional.of(V2), 5_000,
        task("new", V2, ScheduleStatus.RUNNING, 4_000, false));
    assertThat(young.kind()).isEqualTo(Kind.EVALUATE_AT);
    assertThat(young.evaluateAtMs()).isEqualTo(34_000);
    assertThat(eval(Optional.of(V2), 34_000, task("new", V2, ScheduleStatus.RUNNING, 4_000, false))
        .kind()).isEqualTo(Kind.SUCCEEDED);
  }

  @Test
  void anInstanceToRemove_isKilled_thenDone() {
    assertThat(eval(Optional.empty(), 5_000, task("old", V1, ScheduleStatus.RUNNING, 0, false))
        .kind()).isEqualTo(Kind.KILL);
    assertThat(eval(Optional.empty(), 5_000, task("old", V1, ScheduleStatus.KILLING, 0, true))
        .kind()).isEqualTo(Kind.WAIT);
    assertThat(eval(Optional.empty(), 5_000, task("old", V1, ScheduleStatus.KILLED, 0, true))
        .kind()).isEqualTo(Kind.SUCCEEDED);
    assertThat(eval(Optional.empty(), 5_000).kind()).isEqualTo(Kind.SUCCEEDED);
  }

  @Test
  void failures_countOncePerTask_andOnlyDesiredTasksThatEndedOnTheirOwnSinceTheStart() {
    InstanceTask failed = task("new-1", V2, ScheduleStatus.FAILED, 6_000, false);
    InstanceTask replacement = task("new-2", V2, ScheduleStatus.THROTTLED, 6_000, false);
    InstanceDecision first = evaluator.evaluate(Optional.of(V2), List.of(failed, replacement),
        1_000, 0, Set.of(), 7_000);
    assertThat(first.newFailures()).containsExactly("new-1");
    assertThat(first.failures()).isEqualTo(1);
    assertThat(first.kind()).isEqualTo(Kind.WAIT);
    // Seen again: already counted.
    InstanceDecision again = evaluator.evaluate(Optional.of(V2), List.of(failed, replacement),
        1_000, 1, Set.of("new-1"), 8_000);
    assertThat(again.newFailures()).isEmpty();
    assertThat(again.failures()).isEqualTo(1);
    // A second failure is one more than maxPerInstanceFailures (1): the instance failed.
    InstanceDecision second = evaluator.evaluate(Optional.of(V2), List.of(failed,
        task("new-2", V2, ScheduleStatus.FAILED, 9_000, false)), 1_000, 1, Set.of("new-1"), 9_500);
    assertThat(second.kind()).isEqualTo(Kind.FAILED);
    assertThat(second.failures()).isEqualTo(2);
    // Not failures: an old config's end, a killed desired task, one that ended before the start.
    InstanceDecision none = evaluator.evaluate(Optional.of(V2), List.of(
        task("old", V1, ScheduleStatus.FAILED, 6_000, false),
        task("killed", V2, ScheduleStatus.KILLED, 6_000, true),
        task("before", V2, ScheduleStatus.FAILED, 500, false)), 1_000, 0, Set.of(), 7_000);
    assertThat(none.newFailures()).isEmpty();
    assertThat(none.kind()).isEqualTo(Kind.ADD);
  }
}
