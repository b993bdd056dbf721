package io.aurora.server.client.job;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static io.aurora.server.client.job.JobFixtures.HELLO;
import static io.aurora.server.client.job.JobFixtures.JOB;
import static io.aurora.server.client.job.JobFixtures.PATH;
import static io.aurora.server.client.job.JobFixtures.task;
import static io.aurora.server.client.job.JobFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.Tasks;
import io.aurora.gen.InstanceKey;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskQuery;
import io.aurora.server.client.ClientHarness;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code job create} and {@code job add}: their calls, waits, output and exit statuses. */
class JobCreateAndAddTest {
  private final ClientHarness client = new ClientHarness();

  @Test
  void create_waitUntilRunning_pollsOnAurorasScheduleUntilEveryInstanceRuns() {
    client.scheduler.answer("createJob", ok(null))
        .answer("getTasksWithoutConfigs",
            tasks(task(0, ScheduleStatus.PENDING), task(1, ScheduleStatus.PENDING)),
            tasks(task(0, ScheduleStatus.RUNNING), task(1, ScheduleStatus.ASSIGNED)),
            tasks(task(0, ScheduleStatus.RUNNING), task(1, ScheduleStatus.FAILED)),
            tasks(task(0, ScheduleStatus.RUNNING), task(1, ScheduleStatus.FAILED)));

    assertThat(client.run("job", "create", PATH, HELLO, "--wait-until=RUNNING")).isZero();

    assertThat(client.out().lines()).containsExactly(
        PATH + ": waiting until running: 2 PENDING",
        PATH + ": waiting until running: 1 ASSIGNED, 1 RUNNING",
        PATH + ": waiting until running: 1 RUNNING, 1 FAILED",
        "created www/prod/hello",
        "http://scheduler.example:8081/scheduler/www/prod/hello");
    assertThat(client.pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    TaskQuery query = (TaskQuery) client.scheduler.calls("getTasksWithoutConfigs").get(0).arg(0);
    assertThat(query.getJobKeys()).containsExactly(JOB);
    assertThat(query.getInstanceIds()).isNullOrEmpty();
  }

  @Test
  void create_waitUntilFinished_waitsForEveryInstanceToEnd() {
    client.scheduler.answer("createJob", ok(null))
        .answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.RUNNING)),
            tasks(task(0, ScheduleStatus.FINISHED)), tasks(task(0, ScheduleStatus.FINISHED)));

    assertThat(client.run("job", "create", PATH, HELLO, "--wait-until", "FINISHED")).isZero();

    assertThat(client.out()).contains(PATH + ": waiting until finished: 1 FINISHED\n");
    assertThat(client.pauses).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void create_onATerminal_rewritesTheProgressLineInPlace() {
    ClientHarness terminal = new ClientHarness(true);
    terminal.scheduler.answer("createJob", ok(null))
        .answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.PENDING)),
            tasks(task(0, ScheduleStatus.RUNNING)), tasks(task(0, ScheduleStatus.RUNNING)));

    assertThat(terminal.run("job", "create", PATH, HELLO, "--wait-until=RUNNING")).isZero();

    assertThat(terminal.out()).startsWith("\r" + PATH + ": waiting until running: 1 PENDING"
        + "\r" + PATH + ": waiting until running: 1 RUNNING\ncreated www/prod/hello\n");
  }

  @Test
  void create_withoutTasksAfterwards_exitsFour() {
    client.scheduler.answer("createJob", ok(null)).answer("getTasksWithoutConfigs", tasks());

    assertThat(client.run("job", "create", PATH, HELLO)).isEqualTo(4);

    assertThat(client.err()).isEqualTo(
        "aurora: the scheduler took " + PATH + " but it has no tasks\n");
    assertThat(client.out()).isEmpty();
  }

  @Test
  void create_badWaitUntil_isAUsageErrorWithoutACall() {
    assertThat(client.run("job", "create", PATH, HELLO, "--wait-until=SOON")).isEqualTo(2);
    assertThat(client.err()).contains("--wait-until", "SOON");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void add_copiesTheInstanceAndNamesTheNewOnes() {
    client.scheduler.answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.RUNNING),
        task(1, ScheduleStatus.RUNNING), task(2, ScheduleStatus.PENDING)))
        .answer("addInstances", ok(null));

    assertThat(client.run("job", "add", PATH + "/1", "2")).isZero();

    assertThat(client.out()).isEqualTo("added " + PATH + "/3-4\n");
    TaskQuery active = (TaskQuery) client.scheduler.calls("getTasksWithoutConfigs").get(0).arg(0);
    assertThat(active.getStatuses()).isEqualTo(Tasks.ACTIVE_STATES);
    List<Object> add = client.scheduler.calls("addInstances").get(0).args();
    assertThat(add).containsExactly(new InstanceKey(JOB, 1), 2);
  }

  @Test
  void add_waitUntilRunning_waitsForTheNewInstancesOnly() {
    client.scheduler.answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.RUNNING)),
        tasks(task(1, ScheduleStatus.PENDING)), tasks(task(1, ScheduleStatus.RUNNING)))
        .answer("addInstances", ok(null));

    assertThat(client.run("job", "add", PATH + "/0", "1", "--wait-until=RUNNING")).isZero();

    TaskQuery wait = (TaskQuery) client.scheduler.calls("getTasksWithoutConfigs").get(1).arg(0);
    assertThat(wait.getInstanceIds()).isEqualTo(Set.of(1));
    assertThat(client.out()).endsWith("added " + PATH + "/1\n");
  }

  @Test
  void add_ofAnInstanceThatIsNotActive_exitsSixWithoutAdding() {
    client.scheduler.answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.RUNNING),
        task(1, ScheduleStatus.RUNNING)));

    assertThat(client.run("job", "add", PATH + "/5", "1")).isEqualTo(6);

    assertThat(client.err()).isEqualTo(
        "aurora: instance 5 of " + PATH + " is not active (active: 0-1)\n");
    assertThat(client.scheduler.calls("addInstances")).isEmpty();
  }

  @Test
  void add_withoutOneInstanceOrWithABadCount_exitsSixWithoutACall() {
    assertThat(client.run("job", "add", PATH, "1")).isEqualTo(6);
    assertThat(client.err()).contains("name one instance to copy, as in " + PATH + "/0");
    ClientHarness zero = new ClientHarness();
    assertThat(zero.run("job", "add", PATH + "/0", "0")).isEqualTo(6);
    assertThat(zero.err()).contains("COUNT must be at least 1, got 0");
    assertThat(client.scheduler.calls()).isEmpty();
    assertThat(zero.scheduler.calls()).isEmpty();
  }

  @Test
  void add_refused_printsTheSchedulersAnswerAndExitsTen() {
    client.scheduler.answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.RUNNING)))
        .answer("addInstances", response(ResponseCode.INVALID_REQUEST, null,
            "count 5000 would exceed the limit of 4000 tasks per job"));

    assertThat(client.run("job", "add", PATH + "/0", "5000")).isEqualTo(10);
    assertThat(client.err()).isEqualTo("aurora: INVALID_REQUEST: count 5000 would exceed the "
        + "limit of 4000 tasks per job\n");
  }
}
