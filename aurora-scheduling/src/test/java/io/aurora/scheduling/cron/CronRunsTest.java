package io.aurora.scheduling.cron;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What a cron job's tasks say about its runs, as a new leader reads them. */
class CronRunsTest {
  private int ids;

  @Test
  void noTasks_noRunAndNothingOwed() {
    assertThat(CronRuns.of(List.of())).isEqualTo(new CronRuns(OptionalLong.empty(), false));
  }

  @Test
  void lastRunStart_isTheNewestFreshTask_notAReplacement() {
    ScheduledTask first = task(100, ScheduleStatus.FINISHED);
    ScheduledTask second = task(200, ScheduleStatus.FAILED);
    ScheduledTask replacement = task(300, ScheduleStatus.PENDING).setAncestorId("t2");
    CronRuns runs = CronRuns.of(List.of(first, second, replacement));
    assertThat(runs.lastRunStartMs()).hasValue(200);
    assertThat(runs.launchOwed()).isFalse();
  }

  @Test
  void killedByCron_withoutANewRun_owesTheLaunch() {
    ScheduledTask killing = task(100, ScheduleStatus.RUNNING);
    cronKill(killing, 500);
    ScheduledTask finishedEarlier = task(100, ScheduleStatus.FINISHED);
    assertThat(CronRuns.of(List.of(killing, finishedEarlier)).launchOwed()).isTrue();
    // Still owed once the killed task has ended, as long as no run started after the kill.
    event(killing, 700, ScheduleStatus.KILLED, null);
    assertThat(CronRuns.of(List.of(killing, finishedEarlier)).launchOwed()).isTrue();
  }

  @Test
  void aRunStartedAtOrAfterTheKill_settlesIt() {
    ScheduledTask killed = task(100, ScheduleStatus.RUNNING);
    cronKill(killed, 500);
    event(killed, 700, ScheduleStatus.KILLED, null);
    assertThat(CronRuns.of(List.of(killed, task(900, ScheduleStatus.PENDING))).launchOwed())
        .isFalse();
    // Started in the same millisecond as the kill (a fake clock, or a fast machine).
    assertThat(CronRuns.of(List.of(killed, task(500, ScheduleStatus.PENDING))).launchOwed())
        .isFalse();
  }

  @Test
  void aRunKilledInTheMillisecondItStarted_stillOwes() {
    ScheduledTask killed = task(500, ScheduleStatus.RUNNING);
    cronKill(killed, 500);
    assertThat(CronRuns.of(List.of(killed)).launchOwed()).isTrue();
  }

  @Test
  void theLatestKillCounts_afterAnEarlierOneWasSettled() {
    ScheduledTask firstRun = task(100, ScheduleStatus.RUNNING);
    cronKill(firstRun, 200);
    event(firstRun, 250, ScheduleStatus.KILLED, null);
    ScheduledTask secondRun = task(300, ScheduleStatus.RUNNING);
    assertThat(CronRuns.of(List.of(firstRun, secondRun)).launchOwed()).isFalse();
    cronKill(secondRun, 400);
    assertThat(CronRuns.of(List.of(firstRun, secondRun)).launchOwed()).isTrue();
  }

  @Test
  void killsByUsers_oweNothing() {
    ScheduledTask killed = task(100, ScheduleStatus.RUNNING);
    event(killed, 200, ScheduleStatus.KILLING, "Killed by UNSECURE");
    assertThat(CronRuns.of(List.of(killed)).launchOwed()).isFalse();
  }

  private ScheduledTask task(long createdMs, ScheduleStatus status) {
    List<TaskEvent> events = new ArrayList<>();
    events.add(new TaskEvent(createdMs, ScheduleStatus.PENDING));
    ScheduledTask t = new ScheduledTask().setAssignedTask(new AssignedTask().setTaskId("t" + ++ids))
        .setTaskEvents(events).setStatus(ScheduleStatus.PENDING);
    if (status != ScheduleStatus.PENDING) {
      event(t, createdMs + 1, status, null);
    }
    return t;
  }

  private static void cronKill(ScheduledTask t, long atMs) {
    event(t, atMs, ScheduleStatus.KILLING, TriggerAction.KILL_MESSAGE);
  }

  private static void event(ScheduledTask t, long atMs, ScheduleStatus status, String message) {
    TaskEvent e = new TaskEvent(atMs, status);
    if (message != null) {
      e.setMessage(message);
    }
    t.getTaskEvents().add(e);
    t.setStatus(status);
  }
}
