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
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import io.aurora.server.client.ClientHarness;
import io.aurora.server.client.ScriptedScheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code job kill} and {@code job killall}: batches, waits, failures and exit statuses. */
class JobKillCommandTest {
  private final ClientHarness client = new ClientHarness();

  private static Response active(int... instances) {
    return tasks(Arrays.stream(instances)
        .mapToObj(i -> task(i, ScheduleStatus.RUNNING)).toArray(ScheduledTask[]::new));
  }

  private static Response ended(int... instances) {
    return tasks(Arrays.stream(instances)
        .mapToObj(i -> task(i, ScheduleStatus.KILLED)).toArray(ScheduledTask[]::new));
  }

  @Test
  void kill_instanceSpec_killsTheActiveOnesInBatches_waitingForEach() {
    client.scheduler.answer("getTasksWithoutConfigs", active(0, 1, 2, 3, 4),
            ended(0, 2),
            tasks(task(3, ScheduleStatus.KILLING), task(4, ScheduleStatus.KILLED)),
            ended(3, 4))
        .answer("killTasks", ok(null), ok(null));

    assertThat(client.run("job", "kill", PATH + "/0,2-4,9", "--batch-size=2")).isZero();

    List<ScriptedScheduler.Call> kills = client.scheduler.calls("killTasks");
    assertThat(kills).extracting(c -> c.arg(1)).containsExactly(Set.of(0, 2), Set.of(3, 4));
    assertThat(kills).extracting(c -> c.arg(0)).containsOnly(JOB);
    assertThat(kills.get(0).arg(2)).isEqualTo("killed by bin/aurora");
    List<ScriptedScheduler.Call> queries = client.scheduler.calls("getTasksWithoutConfigs");
    assertThat(((TaskQuery) queries.get(1).arg(0)).getInstanceIds()).isEqualTo(Set.of(0, 2));
    assertThat(client.out().lines()).containsExactly(
        PATH + ": waiting until killed: 2 KILLED",
        "killed " + PATH + "/0,2",
        PATH + ": waiting until killed: 1 KILLED, 1 KILLING",
        PATH + ": waiting until killed: 2 KILLED",
        "killed " + PATH + "/3-4");
    assertThat(client.pauses).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void kill_theFormsOfEarlierVersions_stillWork() {
    client.scheduler.answer("getTasksWithoutConfigs", active(0, 1), ended(1), active(0, 1),
            ended(0), ended(1))
        .answer("killTasks", ok(null), ok(null), ok(null));

    assertThat(client.run("job", "kill", PATH, "1")).isZero();
    assertThat(client.run("job", "kill", PATH, "-m", "retired")).isZero();

    List<ScriptedScheduler.Call> kills = client.scheduler.calls("killTasks");
    assertThat(kills).extracting(c -> c.arg(1)).containsExactly(Set.of(1), Set.of(0), Set.of(1));
    assertThat(kills.get(2).arg(2)).isEqualTo("retired");
    assertThat(client.out()).contains("killed " + PATH + "/1\n", "killed " + PATH + "/0\n");
    assertThat(new ClientHarness().run("job", "kill", PATH + "/1", "2")).isEqualTo(2);
  }

  @Test
  void killall_killsEveryActiveInstance() {
    client.scheduler.answer("getTasksWithoutConfigs", active(0, 1, 2), ended(0, 1, 2))
        .answer("killTasks", ok(null));

    assertThat(client.run("job", "killall", PATH, "--batch-size=5")).isZero();

    assertThat(client.scheduler.calls("killTasks").get(0).arg(1)).isEqualTo(Set.of(0, 1, 2));
    assertThat(client.out()).endsWith("killed " + PATH + "/0-2\n");
  }

  @Test
  void kill_noBatching_killsWithOneCallAndOneWait() {
    client.scheduler.answer("killTasks", ok(null), ok(null))
        .answer("getTasksWithoutConfigs", ended(0, 1), ended(0, 1, 2));

    assertThat(client.run("job", "kill", PATH + "/0-1", "--no-batching")).isZero();
    assertThat(client.run("job", "killall", PATH, "--no-batching")).isZero();

    List<ScriptedScheduler.Call> kills = client.scheduler.calls("killTasks");
    assertThat(kills.get(0).arg(1)).isEqualTo(Set.of(0, 1));
    assertThat(kills.get(1).arg(1)).isNull();
    assertThat(client.out()).contains("killed " + PATH + "/0-1\n")
        .endsWith("killed " + PATH + "\n");
  }

  @Test
  void kill_noBatching_tasksThatDoNotEnd_exitsNineAfterAboutFourMinutes() {
    client.scheduler.answer("killTasks", ok(null))
        .answer("getTasksWithoutConfigs", Collections.nCopies(8,
            tasks(task(0, ScheduleStatus.KILLING))).toArray(Response[]::new));

    assertThat(client.run("job", "killall", PATH, "--no-batching")).isEqualTo(9);

    assertThat(client.pauses).extracting(Duration::toSeconds)
        .containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 128L);
    assertThat(client.err()).isEqualTo(
        "aurora: the tasks of " + PATH + " did not end in time\n");
  }

  @Test
  void kill_failedBatchesBeyondTheTolerance_exitFour() {
    client.scheduler.answer("getTasksWithoutConfigs", active(0, 1, 2), ended(1))
        .answer("killTasks",
            response(ResponseCode.JOB_UPDATING_ERROR, null, "Job is being updated"),
            ok(null),
            response(ResponseCode.ERROR, null, "storage hiccup"));

    assertThat(client.run("job", "killall", PATH, "--max-total-failures=1")).isEqualTo(4);

    assertThat(client.err().lines()).containsExactly(
        "aurora: kill of " + PATH + "/0 failed: JOB_UPDATING_ERROR: Job is being updated",
        "aurora: kill of " + PATH + "/2 failed: ERROR: storage hiccup",
        "aurora: 2 failed batches, more than --max-total-failures=1: kill of " + PATH
            + " stopped");
    assertThat(client.out()).endsWith("killed " + PATH + "/1\n");
  }

  @Test
  void kill_aFailedBatchWithinTheTolerance_stillExitsFourAtTheEnd() {
    client.scheduler.answer("getTasksWithoutConfigs", active(0, 1), ended(1))
        .answer("killTasks", response(ResponseCode.ERROR, null, "storage hiccup"), ok(null));

    assertThat(client.run("job", "killall", PATH, "--max-total-failures=1")).isEqualTo(4);

    assertThat(client.scheduler.calls("killTasks")).hasSize(2);
    assertThat(client.err()).endsWith("aurora: 1 batch of the kill of " + PATH + " failed\n");
  }

  @Test
  void kill_aBatchThatDoesNotEndInTime_isAFailedBatch() {
    Response[] answers = new Response[9];
    answers[0] = active(0);
    for (int i = 1; i < answers.length; i++) {
      answers[i] = tasks(task(0, ScheduleStatus.KILLING));
    }
    client.scheduler.answer("getTasksWithoutConfigs", answers).answer("killTasks", ok(null));

    assertThat(client.run("job", "kill", PATH + "/0")).isEqualTo(4);

    assertThat(client.err()).startsWith(
        "aurora: kill of " + PATH + "/0 failed: its tasks did not end in time\n");
  }

  @Test
  void kill_nothingActiveToKill_exitsSix() {
    client.scheduler.answer("getTasksWithoutConfigs", active(0, 1), tasks());

    assertThat(client.run("job", "kill", PATH + "/7")).isEqualTo(6);
    assertThat(client.err()).isEqualTo(
        "aurora: none of instances 7 of " + PATH + " is active (active: 0-1)\n");

    ClientHarness empty = new ClientHarness();
    empty.scheduler.answer("getTasksWithoutConfigs", tasks());
    assertThat(empty.run("job", "killall", PATH)).isEqualTo(6);
    assertThat(empty.err()).isEqualTo("aurora: " + PATH + " has no active tasks to kill\n");
    assertThat(client.scheduler.calls("killTasks")).isEmpty();
    assertThat(empty.scheduler.calls("killTasks")).isEmpty();
  }

  @Test
  void kill_strict_refusesInstancesThatAreNotActive() {
    client.scheduler.answer("getTasksWithoutConfigs", active(0, 1));

    assertThat(client.run("job", "kill", PATH + "/1-3", "--strict")).isEqualTo(6);

    assertThat(client.err()).isEqualTo(
        "aurora: instances 2-3 of " + PATH + " are not active (active: 0-1)\n");
    assertThat(client.scheduler.calls("killTasks")).isEmpty();
  }

  @Test
  void kill_badNumbers_exitSixWithoutACall() {
    assertThat(client.run("job", "killall", PATH, "--batch-size=0")).isEqualTo(6);
    assertThat(client.err()).isEqualTo("aurora: --batch-size must be at least 1, got 0\n");
    ClientHarness negative = new ClientHarness();
    assertThat(negative.run("job", "kill", PATH + "/0", "--max-total-failures=-1")).isEqualTo(6);
    assertThat(client.scheduler.calls()).isEmpty();
    assertThat(negative.scheduler.calls()).isEmpty();
  }
}
