package io.aurora.scheduling.update;

import static io.aurora.scheduling.update.JobDiffTest.V1;
import static io.aurora.scheduling.update.JobDiffTest.V2;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.gen.BatchJobUpdateStrategy;
import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.Range;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rounds of an update on plain data: a map of tasks stands in for storage. */
class UpdateRoundTest {
  private static final long WATCH = 10_000;
  private final Map<Integer, List<InstanceTask>> tasks = new HashMap<>();
  private int ids;

  private static JobUpdate update(int instances, JobUpdateSettings settings) {
    Set<Range> all = Set.of(new Range(0, instances - 1));
    return new JobUpdate(
        new JobUpdateSummary().setKey(new JobUpdateKey(JobKeys.from("www", "prod", "web"), "u")),
        new JobUpdateInstructions(Set.of(new InstanceTaskConfig(V1, all)),
            new InstanceTaskConfig(V2, all), settings));
  }

  private static JobUpdateSettings queue(int size) {
    return new JobUpdateSettings().setUpdateStrategy(JobUpdateStrategy.queueStrategy(
        new QueueJobUpdateStrategy(size))).setMinWaitInInstanceRunningMs((int) WATCH)
        .setRollbackOnFailure(true);
  }

  private void running(int instance, TaskConfig config, long since) {
    tasks.computeIfAbsent(instance, i -> new ArrayList<>()).removeIf(InstanceTask::isActive);
    tasks.get(instance).add(new InstanceTask("t" + (++ids), config, ScheduleStatus.RUNNING, since,
        false, "agent"));
  }

  private void ended(int instance, ScheduleStatus status, long at) {
    List<InstanceTask> list = tasks.get(instance);
    InstanceTask t = list.remove(list.size() - 1);
    list.add(new InstanceTask(t.taskId(), t.config(), status, at, false, t.agentId()));
  }

  /** Applies a round's kills and adds as if Mesos and the loop did them, RUNNING at {@code at}. */
  private void act(RoundResult r, long at) {
    r.kills().forEach(k -> ended(k.instance(), ScheduleStatus.KILLED, at));
    r.adds().forEach(a -> running(a.instance(), a.config(), at));
  }

  private RoundResult round(UpdateProgress p, long now, Integer... dirty) {
    return UpdateRound.run(p, List.of(dirty), dirty.length == 0, now,
        instances -> {
          Map<Integer, List<InstanceTask>> out = new HashMap<>();
          instances.forEach(i -> out.put(i, List.copyOf(tasks.getOrDefault(i, List.of()))));
          return out;
        });
  }

  @Test
  void batchWithAutopause_pausesWhenABatchCompletes_notBeforeTheFirst() {
    for (int i = 0; i < 4; i++) {
      running(i, V1, 0);
    }
    UpdateProgress p = UpdateProgress.begin(update(4, queue(1).setUpdateStrategy(
        JobUpdateStrategy.batchStrategy(new BatchJobUpdateStrategy(2, true)))),
        JobUpdateStatus.ROLLING_FORWARD, 100_000);
    RoundResult first = round(p, 100_000);
    assertThat(first.kills()).extracting(RoundResult.Kill::instance).containsExactly(0, 1);
    act(first, 100_000);
    RoundResult adds = round(p, 100_000, 0, 1);
    assertThat(adds.adds()).extracting(RoundResult.Add::instance).containsExactly(0, 1);
    act(adds, 100_000);
    RoundResult waiting = round(p, 100_000, 0, 1);
    assertThat(waiting.wakeups()).containsOnlyKeys(0, 1);
    RoundResult done = round(p, 110_000, 0, 1);
    assertThat(done.statusEvents()).extracting(JobUpdateEvent::getStatus)
        .containsExactly(JobUpdateStatus.ROLL_FORWARD_PAUSED);
    assertThat(done.statusEvents().get(0).getMessage()).isEqualTo(UpdateRound.AUTO_PAUSED);
    assertThat(done.kills()).isEmpty();
    assertThat(round(p, 110_000).writesNothing()).isTrue();
  }

  @Test
  void pulses_blockTheUpdateWhenTheyStop() {
    running(0, V1, 0);
    UpdateProgress p = UpdateProgress.begin(update(1, queue(1).setBlockIfNoPulsesAfterMs(60_000)),
        JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE, 0);
    assertThat(round(p, 1_000).writesNothing()).isTrue();
    assertThat(p.pulseOverdue(1_000)).isTrue();
    p.pulse(1_000);
    p.moveTo(JobUpdateStatus.ROLLING_FORWARD);
    assertThat(round(p, 1_000).kills()).hasSize(1);
    assertThat(p.pulseDeadlineMs()).hasValue(61_000);
    RoundResult timedOut = round(p, 61_000, 0);
    assertThat(timedOut.statusEvents()).singleElement().satisfies(e -> {
      assertThat(e.getStatus()).isEqualTo(JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE);
      assertThat(e.getMessage()).isEqualTo(UpdateRound.PULSES_TIMED_OUT);
    });
  }

  @Test
  void anInstanceAlreadyAsDesired_finishesSilently() {
    running(0, V2, 0);
    running(1, V1, 0);
    UpdateProgress p = UpdateProgress.begin(update(2, queue(1)), JobUpdateStatus.ROLLING_FORWARD,
        50_000);
    RoundResult r = round(p, 50_000);
    assertThat(r.instanceEvents()).extracting(JobInstanceUpdateEvent::getInstanceId,
        JobInstanceUpdateEvent::getAction).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, JobUpdateAction.INSTANCE_UPDATING));
    assertThat(p.done()).containsExactly(0);
  }

  @Test
  void tooManyFailures_turnTheUpdateAround_andTheNextRoundRollsBack() {
    running(0, V1, 0);
    running(1, V1, 0);
    UpdateProgress p = UpdateProgress.begin(update(2, queue(2)), JobUpdateStatus.ROLLING_FORWARD,
        20_000);
    act(round(p, 20_000), 20_000);
    act(round(p, 20_000, 0, 1), 20_000);
    ended(1, ScheduleStatus.FAILED, 21_000);
    RoundResult failed = round(p, 21_000, 1);
    assertThat(failed.instanceEvents()).extracting(JobInstanceUpdateEvent::getAction)
        .containsExactly(JobUpdateAction.INSTANCE_UPDATE_FAILED);
    assertThat(failed.statusEvents()).singleElement().satisfies(e -> {
      assertThat(e.getStatus()).isEqualTo(JobUpdateStatus.ROLLING_BACK);
      assertThat(e.getMessage()).isEqualTo("Latest failure: instance 1 exited.");
    });
    assertThat(failed.again()).isTrue();
    RoundResult back = round(p, 21_000);
    // Reverse order: 1 first, which has no task left (nothing reschedules here): it gets v1 back;
    // 0 runs v2, which is killed.
    assertThat(back.adds()).extracting(RoundResult.Add::instance, RoundResult.Add::config)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, V1));
    assertThat(back.kills()).extracting(RoundResult.Kill::instance).containsExactly(0);
    assertThat(back.instanceEvents()).extracting(JobInstanceUpdateEvent::getInstanceId,
        JobInstanceUpdateEvent::getAction).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, JobUpdateAction.INSTANCE_ROLLING_BACK),
            org.assertj.core.groups.Tuple.tuple(0, JobUpdateAction.INSTANCE_ROLLING_BACK));
  }

  @Test
  void recover_rebuildsDoneFailedAndInFlight_fromTheCurrentDirection() {
    JobUpdate u = update(4, queue(2));
    List<JobInstanceUpdateEvent> events = List.of(
        new JobInstanceUpdateEvent(0, 1_000, JobUpdateAction.INSTANCE_UPDATING),
        new JobInstanceUpdateEvent(0, 2_000, JobUpdateAction.INSTANCE_UPDATED),
        new JobInstanceUpdateEvent(1, 1_000, JobUpdateAction.INSTANCE_UPDATING),
        new JobInstanceUpdateEvent(1, 3_000, JobUpdateAction.INSTANCE_UPDATE_FAILED),
        new JobInstanceUpdateEvent(2, 2_500, JobUpdateAction.INSTANCE_UPDATING));
    UpdateProgress forward = UpdateProgress.recover(new JobUpdateDetails(u,
        List.of(new JobUpdateEvent(JobUpdateStatus.ROLLING_FORWARD, 500)), events));
    assertThat(forward.done()).containsExactly(0);
    assertThat(forward.failed()).containsExactly(1);
    assertThat(forward.inFlight()).containsOnlyKeys(2).containsEntry(2, 2_500L);
    assertThat(forward.lastPulseMs()).hasValue(500);

    List<JobInstanceUpdateEvent> withBack = new ArrayList<>(events);
    withBack.add(new JobInstanceUpdateEvent(2, 4_000, JobUpdateAction.INSTANCE_ROLLING_BACK));
    UpdateProgress back = UpdateProgress.recover(new JobUpdateDetails(u, List.of(
        new JobUpdateEvent(JobUpdateStatus.ROLLING_FORWARD, 500),
        new JobUpdateEvent(JobUpdateStatus.ROLLING_BACK, 3_500),
        new JobUpdateEvent(JobUpdateStatus.ROLL_BACK_PAUSED, 3_600)), withBack));
    assertThat(back.status()).isEqualTo(JobUpdateStatus.ROLL_BACK_PAUSED);
    assertThat(back.done()).isEmpty();
    assertThat(back.failed()).isEmpty();
    assertThat(back.inFlight()).containsOnlyKeys(2);
    assertThat(back.order()).containsExactly(3, 2, 1, 0);
  }
}
