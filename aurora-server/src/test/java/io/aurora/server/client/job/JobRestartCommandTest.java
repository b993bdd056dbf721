package io.aurora.server.client.job;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static io.aurora.server.client.job.JobFixtures.JOB;
import static io.aurora.server.client.job.JobFixtures.PATH;
import static io.aurora.server.client.job.JobFixtures.task;
import static io.aurora.server.client.job.JobFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskQuery;
import io.aurora.server.client.ClientHarness;
import io.aurora.server.client.ScriptedScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code job restart}: restartShards batch by batch, each watched on the harness's clock (which
 * moves only with the recorded pauses), failures retried or counted, and the exit statuses.
 */
class JobRestartCommandTest {
  private final ClientHarness client = new ClientHarness();

  private static Response bothRunning() {
    return tasks(task(0, ScheduleStatus.RUNNING, "new-0"),
        task(1, ScheduleStatus.RUNNING, "new-1"));
  }

  @Test
  void restart_batchByBatch_eachInstanceWatchedUntilItRanForTheWatchTime() {
    client.scheduler.answer("restartShards", ok(null), ok(null))
        .answer("getTasksWithoutConfigs",
            tasks(task(0, ScheduleStatus.RUNNING), task(1, ScheduleStatus.RUNNING),
                task(2, ScheduleStatus.RUNNING)),
            tasks(task(0, ScheduleStatus.RUNNING, "new-0")),
            bothRunning(), bothRunning(), bothRunning(),
            tasks(task(2, ScheduleStatus.RUNNING, "new-2")),
            tasks(task(2, ScheduleStatus.RUNNING, "new-2")),
            tasks(task(2, ScheduleStatus.RUNNING, "new-2")));

    assertThat(client.run("job", "restart", PATH, "--batch-size=2", "--watch-secs=6")).isZero();

    List<ScriptedScheduler.Call> restarts = client.scheduler.calls("restartShards");
    assertThat(restarts).extracting(c -> c.arg(1)).containsExactly(Set.of(0, 1), Set.of(2));
    assertThat(restarts).extracting(c -> c.arg(0)).containsOnly(JOB);
    TaskQuery watch = (TaskQuery) client.scheduler.calls("getTasksWithoutConfigs").get(1).arg(0);
    assertThat(watch.getStatuses()).containsExactly(ScheduleStatus.RUNNING);
    assertThat(watch.getInstanceIds()).isEqualTo(Set.of(0, 1));
    String first = PATH + ": 0 of 3 restarted; batch 0-1: ";
    String second = PATH + ": 2 of 3 restarted; batch 2: ";
    assertThat(client.out().lines()).containsExactly(
        first + "1 running (6 s watch), 1 not running yet",
        first + "2 running (6 s watch)",
        first + "1 restarted, 1 running (6 s watch)",
        first + "2 restarted",
        second + "1 running (6 s watch)",
        second + "1 restarted",
        "restarted " + PATH + "/0-2");
    assertThat(client.pauses).containsOnly(Duration.ofSeconds(3)).hasSize(5);
  }

  @Test
  void restart_anInstanceWhoseTaskStops_failsAndStopsTheRestart_exitFour() {
    client.scheduler.answer("restartShards", ok(null))
        .answer("getTasksWithoutConfigs",
            tasks(task(0, ScheduleStatus.RUNNING), task(1, ScheduleStatus.RUNNING)),
            tasks(task(0, ScheduleStatus.RUNNING, "new-0")),
            tasks());

    assertThat(client.run("job", "restart", PATH)).isEqualTo(4);

    assertThat(client.scheduler.calls("restartShards")).hasSize(1);
    assertThat(client.err()).isEqualTo("aurora: restart of " + PATH + " stopped: instances 0 "
        + "failed more than --max-per-instance-failures=0 times each, more instances than "
        + "--max-total-failures=0\n");
  }

  @Test
  void restart_aReplacedTask_isAFailure_retriedWithinMaxPerInstanceFailures() {
    client.scheduler.answer("restartShards", ok(null), ok(null))
        .answer("getTasksWithoutConfigs",
            tasks(task(0, ScheduleStatus.RUNNING)),
            tasks(task(0, ScheduleStatus.RUNNING, "new-a")),
            tasks(task(0, ScheduleStatus.RUNNING, "new-b")),
            tasks(task(0, ScheduleStatus.RUNNING, "new-c")),
            tasks(task(0, ScheduleStatus.RUNNING, "new-c")));

    assertThat(client.run("job", "restart", PATH + "/0", "--watch-secs=3",
        "--max-per-instance-failures=1")).isZero();

    assertThat(client.scheduler.calls("restartShards")).extracting(c -> c.arg(1))
        .containsExactly(Set.of(0), Set.of(0));
    assertThat(client.out()).contains(PATH + ": 0 of 1 restarted; batch 0: 1 failed\n")
        .endsWith("restarted " + PATH + "/0\n");
  }

  @Test
  void restart_anInstanceNotRunningWithinTheThreshold_failsWithinTolerance_exitZero() {
    client.scheduler.answer("restartShards", ok(null), ok(null))
        .answer("getTasksWithoutConfigs",
            tasks(task(0, ScheduleStatus.RUNNING), task(1, ScheduleStatus.RUNNING)),
            tasks(), tasks(), tasks(),
            tasks(task(1, ScheduleStatus.RUNNING, "new-1")));

    assertThat(client.run("job", "restart", PATH, "--restart-threshold=5", "--watch-secs=0",
        "--max-total-failures=1")).isZero();

    assertThat(client.pauses).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    assertThat(client.out()).endsWith("restarted " + PATH + "/1; instances 0 failed (tolerated "
        + "by --max-total-failures=1)\n");
  }

  @Test
  void restart_inactiveInstances_areSkippedWithAWarning_orRefusedWhenStrict() {
    client.scheduler.answer("restartShards", ok(null))
        .answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.RUNNING)),
            tasks(task(0, ScheduleStatus.RUNNING, "new-0")));

    assertThat(client.run("job", "restart", PATH + "/0-1", "--watch-secs=0")).isZero();
    assertThat(client.err()).isEqualTo(
        "aurora: instances 1 of " + PATH + " are not active: not restarting them\n");
    assertThat(client.scheduler.calls("restartShards").get(0).arg(1)).isEqualTo(Set.of(0));

    ClientHarness strict = new ClientHarness();
    strict.scheduler.answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.RUNNING)));
    assertThat(strict.run("job", "restart", PATH + "/0-1", "--strict")).isEqualTo(6);
    assertThat(strict.err()).isEqualTo("aurora: instances 1 of " + PATH + " are not active\n");
    assertThat(strict.scheduler.calls("restartShards")).isEmpty();
  }

  @Test
  void restart_ofAJobWithoutActiveInstances_hasNothingToDo() {
    client.scheduler.answer("getTasksWithoutConfigs", tasks());

    assertThat(client.run("job", "restart", PATH)).isZero();

    assertThat(client.out()).isEqualTo(PATH + " has no active instances: nothing to restart\n");
    assertThat(client.scheduler.calls("restartShards")).isEmpty();
  }

  @Test
  void restart_refused_exitsTenWithTheUpdateHint() {
    client.scheduler.answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.RUNNING)))
        .answer("restartShards", response(ResponseCode.JOB_UPDATING_ERROR, null,
            "Job www/prod/hello is being updated by update 42"));

    assertThat(client.run("job", "restart", PATH)).isEqualTo(10);

    assertThat(client.err()).startsWith("aurora: JOB_UPDATING_ERROR: Job www/prod/hello is "
        + "being updated by update 42\naurora: the job has an active update");
  }

  @Test
  void restart_badNumbers_exitSixWithoutACall() {
    for (String flag : List.of("--max-total-failures=-1", "--batch-size=0", "--watch-secs=-1",
        "--healthcheck-interval-seconds=0", "--max-per-instance-failures=-2")) {
      ClientHarness c = new ClientHarness();
      assertThat(c.run("job", "restart", PATH, flag)).as(flag).isEqualTo(6);
      assertThat(c.err()).as(flag).startsWith("aurora: " + flag.substring(0, flag.indexOf('=')));
      assertThat(c.scheduler.calls()).as(flag).isEmpty();
    }
  }
}
