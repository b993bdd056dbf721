package io.aurora.scheduling.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.api.JobKeys;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.CoordinatorSlaPolicy;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.PercentageSlaPolicy;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Count and percentage checks, up-time, relaxations; times are plain numbers (a fake clock). */
class SlaCheckTest {
  private static final long NOW = 1_000_000_000L;
  private static final SlaRules ALL = new SlaRules(0, false);

  /** A task of instance {@code i} in {@code status}, RUNNING since {@code runningSinceMs}. */
  private static ScheduledTask task(int i, ScheduleStatus status, long runningSinceMs,
      boolean production) {
    List<TaskEvent> events = new ArrayList<>();
    events.add(new TaskEvent(0, ScheduleStatus.PENDING));
    if (runningSinceMs >= 0) {
      events.add(new TaskEvent(runningSinceMs, ScheduleStatus.RUNNING));
    }
    if (status != ScheduleStatus.RUNNING && status != ScheduleStatus.PENDING) {
      events.add(new TaskEvent(Math.max(0, runningSinceMs) + 1, status));
    }
    TaskConfig config = new TaskConfig().setJob(JobKeys.from("www", "prod", "web"))
        .setProduction(production);
    return new ScheduledTask().setStatus(status).setTaskEvents(events)
        .setAssignedTask(new AssignedTask().setTaskId("t" + i).setInstanceId(i).setTask(config));
  }

  private static List<ScheduledTask> running(int n, long sinceMs) {
    List<ScheduledTask> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(task(i, ScheduleStatus.RUNNING, sinceMs, true));
    }
    return out;
  }

  private static SlaPolicy count(long count, long durationSecs) {
    return SlaPolicy.countSlaPolicy(new CountSlaPolicy(count, durationSecs));
  }

  private static SlaPolicy percentage(double pct, long durationSecs) {
    return SlaPolicy.percentageSlaPolicy(new PercentageSlaPolicy(pct, durationSecs));
  }

  @Test
  void count_allowsWhileEnoughOthersAreUp() {
    List<ScheduledTask> job = running(4, NOW - 60_000);
    SlaCheck check = new SlaCheck(ALL);
    assertThat(check.check(job.get(0), job, count(3, 30), NOW).allowed()).isTrue();
    // One instance is already down: only 2 others are up for the next victim.
    job.set(0, task(0, ScheduleStatus.DRAINING, NOW - 60_000, true));
    assertThat(check.check(job.get(1), job, count(3, 30), NOW))
        .satisfies(v -> assertThat(v.allowed()).isFalse())
        .satisfies(v -> assertThat(v.reason()).contains("2 other instances up").contains("3 required"));
  }

  @Test
  void upMeansRunningForTheWholeDuration() {
    List<ScheduledTask> job = running(4, NOW - 60_000);
    job.set(3, task(3, ScheduleStatus.RUNNING, NOW - 10_000, true));
    SlaCheck check = new SlaCheck(ALL);
    // Instance 3 has run 10 s of the 30 required: it does not count yet.
    assertThat(check.check(job.get(0), job, count(3, 30), NOW).allowed()).isFalse();
    assertThat(check.check(job.get(0), job, count(3, 30), NOW + 20_000).allowed()).isTrue();
    assertThat(check.check(job.get(0), job, count(3, 10), NOW).allowed()).isTrue();
  }

  @Test
  void percentage_roundsUpOverActiveInstances() {
    List<ScheduledTask> job = running(10, NOW - 60_000);
    SlaCheck check = new SlaCheck(ALL);
    // 80% of 10 = 8 must stay up: 9 others are.
    assertThat(check.check(job.get(0), job, percentage(80, 0), NOW).allowed()).isTrue();
    job.set(1, task(1, ScheduleStatus.KILLING, NOW - 60_000, true));
    assertThat(check.check(job.get(0), job, percentage(80, 0), NOW).allowed()).isTrue();
    job.set(2, task(2, ScheduleStatus.PENDING, -1, true));
    // 7 others up, 8 required.
    assertThat(check.check(job.get(0), job, percentage(80, 0), NOW).allowed()).isFalse();
    // 75.5% of 10 rounds up to 8 as well.
    assertThat(SlaCheck.required(percentage(75.5, 0), 10)).isEqualTo(8);
  }

  @Test
  void policyThatWouldNeverAllowADrain_isRelaxedToAllowOne() {
    List<ScheduledTask> job = running(4, NOW - 60_000);
    SlaCheck check = new SlaCheck(ALL);
    assertThat(check.check(job.get(0), job, count(10, 0), NOW).allowed()).isTrue();
    assertThat(check.check(job.get(0), job, percentage(100, 0), NOW).allowed()).isTrue();
    assertThat(SlaCheck.required(count(10, 0), 4)).isEqualTo(3);
    job.set(1, task(1, ScheduleStatus.DRAINING, NOW - 60_000, true));
    assertThat(check.check(job.get(0), job, count(10, 0), NOW).allowed()).isFalse();
  }

  @Test
  void smallJobs_areNotChecked() {
    List<ScheduledTask> job = running(4, NOW - 60_000);
    job.set(1, task(1, ScheduleStatus.DRAINING, NOW - 60_000, true));
    assertThat(new SlaCheck(new SlaRules(5, false)).check(job.get(0), job, count(3, 0), NOW))
        .satisfies(v -> assertThat(v.allowed()).isTrue())
        .satisfies(v -> assertThat(v.reason()).contains("fewer than the 5"));
    assertThat(new SlaCheck(new SlaRules(4, false)).check(job.get(0), job, count(3, 0), NOW)
        .allowed()).isFalse();
    assertThat(SlaRules.DEFAULTS.minRequiredInstances()).isEqualTo(20);
  }

  @Test
  void nonProduction_isCheckedOnlyWhenAsked() {
    List<ScheduledTask> job = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      job.add(task(i, i == 1 ? ScheduleStatus.DRAINING : ScheduleStatus.RUNNING, NOW - 60_000,
          false));
    }
    assertThat(new SlaCheck(ALL).check(job.get(0), job, count(3, 0), NOW).allowed()).isTrue();
    assertThat(new SlaCheck(new SlaRules(0, true)).check(job.get(0), job, count(3, 0), NOW)
        .allowed()).isFalse();
  }

  @Test
  void coordinatorPolicy_isNotLocal() {
    SlaPolicy coordinator = SlaPolicy.coordinatorSlaPolicy(
        new CoordinatorSlaPolicy("http://c", "drain"));
    assertThat(SlaCheck.isLocal(coordinator)).isFalse();
    List<ScheduledTask> job = running(1, 0);
    assertThatThrownBy(() -> new SlaCheck(ALL).check(job.get(0), job, coordinator, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SlaRules(-1, false))
        .hasMessageContaining("-min_required_instances_for_sla_check");
  }
}
