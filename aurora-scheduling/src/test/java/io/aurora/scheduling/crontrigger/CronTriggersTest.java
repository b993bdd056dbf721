package io.aurora.scheduling.crontrigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.cron.TriggerAction;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.Storage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;

/**
 * The trigger loop on a fake clock, real in-memory storage and the fake driver, every write on
 * the test's thread: it fires on time, KILL_EXISTING waits for the previous run, CANCEL_NEW
 * skips, triggers during a waiting launch are ignored, and triggers share writes.
 */
class CronTriggersTest {
  static final JobKey JOB = JobKeys.from("www", "prod", "report");
  /** The harness's clock starts here. */
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final SchedulerHarness h = new SchedulerHarness();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CountingStorage counting = new CountingStorage(h.storage);
  private final StateWriter writer = h.writerOn(counting);
  private CronTriggers cron = h.cronOn(writer, CronOptions.DEFAULTS, registry);

  /** A batch job's template of {@code instances} tasks. */
  static JobConfiguration template(JobKey key, String schedule, CronCollisionPolicy policy,
      int instances) {
    TaskConfig task = Fixtures.config(key.getRole(), key.getName(), 0.5, 128, 10)
        .setJob(key.deepCopy()).setIsService(false).setMaxTaskFailures(1);
    JobConfiguration t = new JobConfiguration().setKey(key.deepCopy()).setTaskConfig(task)
        .setInstanceCount(instances).setCronSchedule(schedule);
    if (policy != null) {
      t.setCronCollisionPolicy(policy);
    }
    return t;
  }

  /** Stores a template as the API would, and tells the triggers. */
  private void save(JobConfiguration template) {
    h.writer.write((s, c) -> {
      s.cronJobStore().saveAcceptedJob(template);
      return null;
    });
    cron.templateChanged(template.getKey());
  }

  private List<ScheduledTask> tasks(ScheduleStatus... statuses) {
    return h.storage.read(s -> s.taskStore().fetchTasks(statuses.length == 0
        ? TaskQueries.byJob(JOB).build()
        : TaskQueries.byJob(JOB).statuses(java.util.Set.of(statuses)).build()));
  }

  private double counter(String name) {
    return registry.counter(name).count();
  }

  /** Places every PENDING task and reports it RUNNING. */
  private void runPending() {
    h.offer("agent-1", 16, 16384);
    h.loop.runOnce();
    for (ScheduledTask t : tasks(ScheduleStatus.ASSIGNED)) {
      h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_RUNNING);
    }
  }

  @Test
  void firesOnTime_insertingEveryInstancePending() {
    save(template(JOB, "*/5 * * * *", null, 3));
    cron.start();
    assertThat(cron.armedDue(JOB)).contains(START.plus(Duration.ofMinutes(5)));
    assertThat(cron.scheduled()).isEqualTo(Map.of("www/prod/report", "0,5,10,15,20,25,30,35,40,45,50,55 * * * *"));

    h.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(tasks()).isEmpty();
    h.advance(Duration.ofSeconds(1));
    assertThat(tasks(ScheduleStatus.PENDING)).extracting(t -> t.getAssignedTask().getInstanceId())
        .containsExactlyInAnyOrder(0, 1, 2);
    assertThat(counter("cron_job_triggers")).isEqualTo(1);
    assertThat(cron.armedDue(JOB)).contains(START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void notStarted_firesNothing_andSchedulesNothing() {
    save(template(JOB, "* * * * *", null, 1));
    h.advance(Duration.ofMinutes(3));
    assertThat(tasks()).isEmpty();
    assertThat(cron.scheduled()).isEmpty();
  }

  @Test
  void killExisting_killsThePreviousRun_andStartsOnceItHasEnded() {
    save(template(JOB, "* * * * *", CronCollisionPolicy.KILL_EXISTING, 2));
    cron.start();
    h.advance(Duration.ofMinutes(1));
    runPending();
    List<String> firstRun = tasks(ScheduleStatus.RUNNING).stream()
        .map(t -> t.getAssignedTask().getTaskId()).toList();
    assertThat(firstRun).hasSize(2);

    h.advance(Duration.ofMinutes(1));
    assertThat(tasks(ScheduleStatus.KILLING)).hasSize(2).allSatisfy(t -> assertThat(
        t.getTaskEvents().get(t.getTaskEvents().size() - 1).getMessage())
        .isEqualTo(TriggerAction.KILL_MESSAGE));
    assertThat(tasks(ScheduleStatus.PENDING)).isEmpty();
    assertThat(cron.launchWaiting(JOB)).isTrue();
    assertThat(counter("cron_job_collisions")).isEqualTo(1);

    // One task ends: the run still waits for the other (first check after 5 s, next after 10 s).
    h.update(firstRun.get(0), TaskState.TASK_KILLED);
    h.advance(Duration.ofSeconds(5));
    assertThat(tasks(ScheduleStatus.PENDING)).isEmpty();
    h.update(firstRun.get(1), TaskState.TASK_KILLED);
    h.advance(Duration.ofSeconds(9));
    assertThat(tasks(ScheduleStatus.PENDING)).isEmpty();
    h.advance(Duration.ofSeconds(1));
    assertThat(tasks(ScheduleStatus.PENDING)).hasSize(2);
    assertThat(cron.launchWaiting(JOB)).isFalse();
  }

  @Test
  void killExisting_ofPendingTasks_startsTheNewRunInTheSameWrite() {
    save(template(JOB, "* * * * *", null, 2));
    cron.start();
    h.advance(Duration.ofMinutes(1));
    List<ScheduledTask> first = tasks(ScheduleStatus.PENDING);
    int writes = counting.writes;
    h.advance(Duration.ofMinutes(1));
    List<ScheduledTask> second = tasks(ScheduleStatus.PENDING);
    assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
    // PENDING tasks are deleted when killed, so nothing was waited for.
    assertThat(tasks()).hasSize(2);
    assertThat(counting.writes - writes).isEqualTo(1);
    assertThat(cron.launchWaiting(JOB)).isFalse();
    assertThat(counter("cron_job_collisions")).isEqualTo(1);
  }

  @Test
  void triggersWhileALaunchWaits_areIgnored() {
    save(template(JOB, "* * * * *", CronCollisionPolicy.KILL_EXISTING, 1));
    cron.start();
    h.advance(Duration.ofMinutes(1));
    runPending();
    h.advance(Duration.ofMinutes(1));
    assertThat(cron.launchWaiting(JOB)).isTrue();
    // Two more minutes: the task stays KILLING (its transient timeout is five minutes).
    h.advance(Duration.ofMinutes(1));
    h.advance(Duration.ofMinutes(1));
    assertThat(counter("cron_job_concurrent_runs")).isEqualTo(2);
    assertThat(tasks(ScheduleStatus.KILLING)).hasSize(1);
    assertThat(tasks(ScheduleStatus.PENDING)).isEmpty();

    h.update(tasks(ScheduleStatus.KILLING).get(0).getAssignedTask().getTaskId(),
        TaskState.TASK_KILLED);
    // Checks so far at 5, 15, 35 and 75 s after the kill; the next, 60 s (the maximum) later at
    // 135 s, starts the run (before the trigger due at 180 s).
    h.advance(Duration.ofSeconds(59));
    assertThat(tasks(ScheduleStatus.PENDING)).hasSize(1);
    assertThat(counter("cron_job_triggers")).isEqualTo(2);
  }

  @Test
  void cancelNew_skipsWhileThePreviousRunIsActive() {
    save(template(JOB, "* * * * *", CronCollisionPolicy.CANCEL_NEW, 2));
    cron.start();
    h.advance(Duration.ofMinutes(1));
    runPending();
    h.advance(Duration.ofMinutes(1));
    assertThat(tasks(ScheduleStatus.RUNNING)).hasSize(2);
    assertThat(tasks()).hasSize(2);
    assertThat(counter("cron_job_triggers")).isEqualTo(2);
    assertThat(counter("cron_job_collisions")).isEqualTo(1);

    for (ScheduledTask t : tasks(ScheduleStatus.RUNNING)) {
      h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_FINISHED);
    }
    h.advance(Duration.ofMinutes(1));
    assertThat(tasks(ScheduleStatus.PENDING)).hasSize(2);
  }

  @Test
  void runOverlap_fromAnOlderTemplate_skipsLikeCancelNew() {
    save(template(JOB, "* * * * *", CronCollisionPolicy.RUN_OVERLAP, 1));
    cron.start();
    h.advance(Duration.ofMinutes(1));
    h.advance(Duration.ofMinutes(1));
    assertThat(tasks()).hasSize(1);
    assertThat(counter("cron_job_collisions")).isEqualTo(1);
  }

  @Test
  void failedInstances_retryUpToMaxTaskFailures() {
    JobConfiguration t = template(JOB, "0 0 * * *", null, 2);
    t.getTaskConfig().setMaxTaskFailures(2);
    save(t);
    cron.start();
    assertThat(cron.startNow(JOB)).isCompletedWithValue(TriggerOutcome.LAUNCHED);
    runPending();
    String first = tasks(ScheduleStatus.RUNNING).get(0).getAssignedTask().getTaskId();
    h.update(first, TaskState.TASK_FAILED);
    // The first failure is retried (the replacement may wait out a flapping penalty).
    assertThat(tasks(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED)).hasSize(1);
    h.advance(Duration.ofMinutes(10));
    runPending();
    String retry = tasks(ScheduleStatus.RUNNING).stream()
        .filter(x -> x.getAncestorId() != null).findFirst().orElseThrow()
        .getAssignedTask().getTaskId();
    h.update(retry, TaskState.TASK_FAILED);
    assertThat(tasks(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED)).isEmpty();
    assertThat(tasks(ScheduleStatus.FAILED)).hasSize(2);
  }

  @Test
  void failedInstances_retryForever_withMinusOne() {
    JobConfiguration t = template(JOB, "0 0 * * *", null, 1);
    t.getTaskConfig().setMaxTaskFailures(-1);
    save(t);
    cron.start();
    cron.startNow(JOB);
    for (int i = 0; i < 4; i++) {
      h.advance(Duration.ofMinutes(10));
      runPending();
      h.update(tasks(ScheduleStatus.RUNNING).get(0).getAssignedTask().getTaskId(),
          TaskState.TASK_FAILED);
    }
    assertThat(tasks(ScheduleStatus.FAILED)).hasSize(4);
    assertThat(tasks(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED)).hasSize(1);
  }

  @Test
  void deschedule_stopsTheTimer() {
    save(template(JOB, "* * * * *", null, 1));
    cron.start();
    h.writer.write((s, c) -> {
      s.cronJobStore().removeJob(JOB);
      return null;
    });
    cron.templateChanged(JOB);
    h.advance(Duration.ofMinutes(3));
    assertThat(tasks()).isEmpty();
    assertThat(cron.scheduled()).isEmpty();
    assertThat(counter("cron_job_misfires")).isZero();
  }

  @Test
  void aTemplateRemovedBehindItsBack_isAMisfire() {
    save(template(JOB, "* * * * *", null, 1));
    cron.start();
    h.writer.write((s, c) -> {
      s.cronJobStore().removeJob(JOB);
      return null;
    });
    h.advance(Duration.ofMinutes(1));
    assertThat(tasks()).isEmpty();
    assertThat(counter("cron_job_misfires")).isEqualTo(1);
  }

  @Test
  void replacingTheSchedule_rearms_andTheOldTimerDoesNothing() {
    save(template(JOB, "*/10 * * * *", null, 1));
    cron.start();
    save(template(JOB, "30 * * * *", null, 1));
    assertThat(cron.armedDue(JOB)).contains(START.plus(Duration.ofMinutes(30)));
    h.advance(Duration.ofMinutes(10));
    assertThat(tasks()).isEmpty();
    h.advance(Duration.ofMinutes(20));
    assertThat(tasks()).hasSize(1);
    assertThat(counter("cron_job_triggers")).isEqualTo(1);
  }

  @Test
  void replacingOnlyTheTaskConfig_keepsTheDueTime_andTheNextRunUsesTheNewConfig() {
    save(template(JOB, "*/10 * * * *", null, 1));
    cron.start();
    h.advance(Duration.ofMinutes(9));
    save(template(JOB, "0,10,20,30,40,50 * * * *", null, 3));
    assertThat(cron.armedDue(JOB)).contains(START.plus(Duration.ofMinutes(10)));
    h.advance(Duration.ofMinutes(1));
    assertThat(tasks(ScheduleStatus.PENDING)).hasSize(3);
  }

  @Test
  void aLateTimer_doesNotCatchUp() {
    save(template(JOB, "* * * * *", CronCollisionPolicy.CANCEL_NEW, 1));
    cron.start();
    // The timer thread was held up for five minutes: one trigger, then the next minute.
    h.clock.advance(Duration.ofMinutes(5).plusSeconds(30));
    h.timers.runDue(h.clock.instant());
    assertThat(counter("cron_job_triggers")).isEqualTo(1);
    assertThat(cron.armedDue(JOB)).contains(START.plus(Duration.ofMinutes(6)));
  }

  @Test
  void theTimeZone_isTheOptionsOne() {
    cron = h.cronOn(writer, new CronOptions(ZoneId.of("America/New_York"), Duration.ofSeconds(5),
        Duration.ofMinutes(1), 10, 10), registry);
    save(template(JOB, "0 9 * * *", null, 1));
    cron.start();
    assertThat(cron.armedDue(JOB)).contains(Instant.parse("2026-01-01T14:00:00Z"));
    assertThat(cron.nextRun(template(JOB, "0 9 * * *", null, 1)))
        .contains(Instant.parse("2026-01-01T14:00:00Z"));
  }

  @Test
  void startNow_runsAtOnce_andLeavesTheScheduleAlone() {
    save(template(JOB, "0 0 1 1 *", null, 2));
    cron.start();
    assertThat(cron.startNow(JOB)).isCompletedWithValue(TriggerOutcome.LAUNCHED);
    assertThat(tasks(ScheduleStatus.PENDING)).hasSize(2);
    assertThat(cron.armedDue(JOB)).contains(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(cron.startNow(JobKeys.from("www", "prod", "missing")))
        .isCompletedWithValue(TriggerOutcome.NO_TEMPLATE);
  }

  @Test
  void triggersDueTogether_shareWrites_upToTheBatchSize() {
    // Writes wait until the timers have run, as on a busy pool.
    List<Runnable> deferred = new ArrayList<>();
    cron = new CronTriggers(writer, h.clock, h.timers, deferred::add, new CronOptions(
        ZoneId.of("GMT"), Duration.ofSeconds(5), Duration.ofMinutes(1), 1, 10), registry);
    for (int i = 0; i < 25; i++) {
      save(template(JobKeys.from("www", "prod", "job" + i), "* * * * *", null, 1));
    }
    cron.start();
    int before = counting.writes;
    h.advance(Duration.ofMinutes(1));
    assertThat(deferred).hasSize(1);
    deferred.remove(0).run();
    assertThat(counting.writes - before).isEqualTo(3);
    assertThat(h.tasks(ScheduleStatus.PENDING)).hasSize(25);
    assertThat(counter("cron_job_triggers")).isEqualTo(25);
  }

  @Test
  void aBadItem_doesNotSinkItsBatch() {
    List<Runnable> deferred = new ArrayList<>();
    cron = new CronTriggers(writer, h.clock, h.timers, deferred::add, new CronOptions(
        ZoneId.of("GMT"), Duration.ofSeconds(5), Duration.ofMinutes(1), 1, 10), registry);
    save(template(JobKeys.from("www", "prod", "good"), "* * * * *", null, 1));
    JobConfiguration bad = template(JobKeys.from("www", "prod", "bad"), "* * * * *", null, 1);
    // Without a task config, inserting its run breaks the write.
    bad.unsetTaskConfig();
    save(bad);
    cron.start();
    int before = counting.writes;
    h.advance(Duration.ofMinutes(1));
    deferred.remove(0).run();
    // The batch of two failed; then each alone: one succeeded.
    assertThat(counting.writes - before).isEqualTo(3);
    assertThat(h.tasks(ScheduleStatus.PENDING)).singleElement().satisfies(t -> assertThat(
        t.getAssignedTask().getTask().getJob().getName()).isEqualTo("good"));
    assertThat(cron.armedDue(JobKeys.from("www", "prod", "bad")))
        .contains(START.plus(Duration.ofMinutes(2)));
  }

  @Test
  void nextRun_isTheArmedDueTime_orComputedForAnyTemplate() {
    JobConfiguration t = template(JOB, "*/5 * * * *", null, 1);
    assertThat(cron.nextRun(t)).contains(START.plus(Duration.ofMinutes(5)));
    assertThat(cron.nextRun(template(JOB, "not a schedule", null, 1))).isEmpty();
    save(t);
    cron.start();
    h.clock.advance(Duration.ofMinutes(2));
    assertThat(cron.nextRun(t)).contains(START.plus(Duration.ofMinutes(5)));
  }

  @Test
  void aStoredScheduleThatDoesNotParse_isCountedAndNeverFires() {
    save(template(JOB, "61 * * * *", null, 1));
    cron.start();
    assertThat(counter("cron_job_parse_failures")).isEqualTo(1);
    assertThat(cron.scheduled()).isEmpty();
    assertThat(cron.startNow(JOB)).isCompletedWithValue(TriggerOutcome.BAD_SCHEDULE);
    assertThat(counter("cron_job_parse_failures")).isEqualTo(2);
  }

  /** The time of a task's first event (when its run inserted it). */
  static long created(ScheduledTask t) {
    List<TaskEvent> events = t.getTaskEvents();
    return events.get(0).getTimestamp();
  }

  /** Counts writes. */
  static final class CountingStorage implements Storage {
    private final Storage delegate;
    volatile int writes;

    CountingStorage(Storage delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T, E extends Exception> T read(Work<T, E> work) throws E {
      return delegate.read(work);
    }

    @Override
    public <T, E extends Exception> T write(MutateWork<T, E> work) throws E {
      writes++;
      return delegate.write(work);
    }
  }
}
