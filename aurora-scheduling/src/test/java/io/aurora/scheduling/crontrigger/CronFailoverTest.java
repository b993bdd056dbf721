package io.aurora.scheduling.crontrigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.TaskQueries;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.log.InMemoryLog;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.durable.DurableStorage;
import io.aurora.storage.testing.InMemoryDurableStorages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leader changes on one durable log (the production storage over an in-memory log): a new
 * leader starts from what the log holds, fires each due time once, catches nothing up, and
 * finishes a KILL_EXISTING launch the old leader left waiting, once.
 */
class CronFailoverTest {
  private final ScheduledExecutorService storageTimers = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService committer = Executors.newSingleThreadExecutor();
  private final InMemoryLog log = new InMemoryLog();
  private final List<DurableStorage> storages = new ArrayList<>();
  @TempDir Path backups;

  /** A scheduler that just started leading: storage caught up, cron triggers not started yet. */
  private final class Leader {
    final SchedulerHarness h;
    final CronTriggers cron;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Leads from {@code at} on the harness's fake clock. */
    Leader(Instant at) throws Exception {
      DurableStorage storage = InMemoryDurableStorages.started(log,
          backups.resolve("b" + storages.size()), Clock.systemUTC(), storageTimers, committer);
      storages.add(storage);
      storage.lead();
      h = new SchedulerHarness(storage);
      h.clock.advance(Duration.between(h.clock.instant(), at));
      cron = h.cronOn(h.writer, CronOptions.DEFAULTS, registry);
    }

    void save(JobConfiguration template) {
      h.writer.write((s, c) -> {
        s.cronJobStore().saveAcceptedJob(template);
        return null;
      });
      cron.templateChanged(template.getKey());
    }

    List<ScheduledTask> tasks(ScheduleStatus... statuses) {
      return h.storage.read(s -> s.taskStore().fetchTasks(statuses.length == 0
          ? TaskQueries.byJob(CronTriggersTest.JOB).build()
          : TaskQueries.byJob(CronTriggersTest.JOB).statuses(Set.of(statuses)).build()));
    }

    void runPending() {
      h.offer("agent-1", 16, 16384);
      h.loop.runOnce();
      for (ScheduledTask t : tasks(ScheduleStatus.ASSIGNED)) {
        h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_RUNNING);
      }
    }
  }

  @AfterEach
  void stop() {
    storages.forEach(DurableStorage::close);
    storageTimers.shutdownNow();
    committer.shutdownNow();
  }

  private static final Instant START = CronTriggersTest.START;

  @Test
  void failoverWhileKillExistingWaits_finishesTheLaunchOnce() throws Exception {
    Leader a = new Leader(START);
    a.save(CronTriggersTest.template(CronTriggersTest.JOB, "0 0 1 1 *",
        CronCollisionPolicy.KILL_EXISTING, 2));
    a.cron.start();
    assertThat(a.cron.startNow(CronTriggersTest.JOB)).isCompletedWithValue(TriggerOutcome.LAUNCHED);
    a.runPending();
    a.h.advance(Duration.ofMinutes(1));
    assertThat(a.cron.startNow(CronTriggersTest.JOB))
        .isCompletedWithValue(TriggerOutcome.KILLING_PREVIOUS_RUN);
    List<String> killing = a.tasks(ScheduleStatus.KILLING).stream()
        .map(t -> t.getAssignedTask().getTaskId()).toList();
    assertThat(killing).hasSize(2);
    // Leader A dies here, its launch waiting.

    Leader b = new Leader(START.plus(Duration.ofMinutes(1)).plusSeconds(20));
    b.cron.start();
    assertThat(b.cron.launchWaiting(CronTriggersTest.JOB)).isTrue();
    assertThat(b.tasks(ScheduleStatus.PENDING)).isEmpty();
    killing.forEach(id -> b.h.update(id, TaskState.TASK_KILLED));
    b.h.advance(Duration.ofSeconds(10));
    List<ScheduledTask> secondRun = b.tasks(ScheduleStatus.PENDING);
    assertThat(secondRun).hasSize(2);
    assertThat(b.cron.launchWaiting(CronTriggersTest.JOB)).isFalse();
    b.h.advance(Duration.ofMinutes(5));
    assertThat(b.tasks()).hasSize(4);

    // A third leader finds the launch done: nothing owed, nothing started.
    Leader c = new Leader(START.plus(Duration.ofMinutes(10)));
    c.cron.start();
    assertThat(c.cron.launchWaiting(CronTriggersTest.JOB)).isFalse();
    c.h.advance(Duration.ofMinutes(5));
    assertThat(c.tasks(ScheduleStatus.PENDING)).containsExactlyInAnyOrderElementsOf(secondRun);
    assertThat(c.tasks()).hasSize(4);
  }

  @Test
  void aTriggerTheOldLeaderWrote_isNotRunAgain_evenByALeaderWhoseClockIsBehind() throws Exception {
    Leader a = new Leader(START);
    a.save(CronTriggersTest.template(CronTriggersTest.JOB, "*/10 * * * *", null, 1));
    a.cron.start();
    a.h.advance(Duration.ofMinutes(10));
    List<ScheduledTask> run = a.tasks(ScheduleStatus.PENDING);
    assertThat(run).hasSize(1);

    // B's clock is 10 s behind A's: by its clock, 00:10 is still to come.
    Leader b = new Leader(START.plus(Duration.ofMinutes(10)).minusSeconds(10));
    b.cron.start();
    assertThat(b.cron.armedDue(CronTriggersTest.JOB))
        .contains(START.plus(Duration.ofMinutes(20)));
    b.h.advance(Duration.ofMinutes(9));
    assertThat(b.tasks()).containsExactlyElementsOf(run);
    assertThat(b.registry.counter("cron_job_triggers").count()).isZero();
  }

  @Test
  void dueTimesMissedWithoutALeader_areNotCaughtUp() throws Exception {
    Leader a = new Leader(START);
    a.save(CronTriggersTest.template(CronTriggersTest.JOB, "* * * * *", null, 1));
    a.cron.start();
    a.h.advance(Duration.ofSeconds(30));
    // No leader from 00:00:30 to 00:03:30.

    Leader b = new Leader(START.plus(Duration.ofMinutes(3)).plusSeconds(30));
    b.cron.start();
    assertThat(b.tasks()).isEmpty();
    assertThat(b.cron.armedDue(CronTriggersTest.JOB)).contains(START.plus(Duration.ofMinutes(4)));
    b.h.advance(Duration.ofSeconds(30));
    assertThat(b.tasks(ScheduleStatus.PENDING)).hasSize(1);
    assertThat(b.registry.counter("cron_job_triggers").count()).isEqualTo(1);
  }
}
