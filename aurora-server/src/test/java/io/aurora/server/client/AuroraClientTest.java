package io.aurora.server.client;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduleStatusResult;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.SchedulerHandle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.Test;

/** The command tree and the job and task verbs, against a scripted scheduler. */
class AuroraClientTest {
  private static final String HELLO = "../docs/examples/hello-world.json";
  private final ClientHarness client = new ClientHarness();

  @Test
  void noCommandOrNoVerb_printsUsageOnStderrAndExitsTwo() {
    assertThat(client.run()).isEqualTo(2);
    assertThat(client.err()).contains("Usage: aurora");

    ClientHarness job = new ClientHarness();
    assertThat(job.run("job")).isEqualTo(2);
    assertThat(job.err()).contains("Missing required subcommand").contains("Usage: aurora job");
    assertThat(job.scheduler.calls()).isEmpty();
  }

  @Test
  void help_atEveryLevel_printsUsageAndExitsZero() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"job", "--help"},
        new String[] {"update", "-h"}, new String[] {"update", "start", "--help"},
        new String[] {"update", "pause", "--help"}, new String[] {"task", "list", "--help"},
        new String[] {"cron", "--help"}, new String[] {"cron", "schedule", "-h"})) {
      ClientHarness c = new ClientHarness();
      assertThat(c.run(args)).as(String.join(" ", args)).isEqualTo(0);
      assertThat(c.out()).as(String.join(" ", args)).startsWith("Usage: aurora");
    }
    ClientHarness c = new ClientHarness();
    c.run("update", "start", "--help");
    assertThat(c.out()).contains("--batch-size=N", "--watch-secs=S", "--no-rollback",
        "--instances=0-3,7", "--wait", "--scheduler=URL", "--zk=HOST:PORT,...");
  }

  @Test
  void unknownVerbOrOptionOrBadKey_isAUsageError() {
    assertThat(client.run("job", "explode", "c/r/e/n")).isEqualTo(2);
    assertThat(new ClientHarness().run("job", "status", "--bogus", "c/www/prod/hello")).isEqualTo(2);
    ClientHarness badKey = new ClientHarness();
    assertThat(badKey.run("job", "create", "www/prod/hello", HELLO)).isEqualTo(2);
    assertThat(badKey.err()).contains("expected CLUSTER/ROLE/ENV/NAME, got 'www/prod/hello'");
    ClientHarness badName = new ClientHarness();
    assertThat(badName.run("job", "status", "c/www/prod/hel lo")).isEqualTo(2);
    assertThat(badName.err()).contains("'hel lo'");
  }

  @Test
  void jobCreate_sendsTheFileWithTheCommandLinesKey() {
    client.scheduler.answer("createJob", ok(null))
        .answer("getTasksWithoutConfigs", ok(tasks(task(0, ScheduleStatus.PENDING, null))));

    assertThat(client.run("job", "create", "local/www/prod/hello", HELLO)).isEqualTo(0);

    assertThat(client.out()).isEqualTo("created www/prod/hello\n"
        + "http://scheduler.example:8081/scheduler/www/prod/hello\n");
    assertThat(client.clusters).containsExactly(Optional.of("local"));
    JobConfiguration sent = (JobConfiguration) client.scheduler.calls("createJob").get(0).arg(0);
    assertThat(sent.getKey()).isEqualTo(new JobKey("www", "prod", "hello"));
    assertThat(sent.getOwner().getUser()).isEqualTo("www");
    assertThat(sent.getTaskConfig().getJob()).isEqualTo(new JobKey("www", "prod", "hello"));
  }

  @Test
  void jobCreate_refused_printsCodeAndMessagesAndExitsTen() {
    client.scheduler.answer("createJob",
        response(ResponseCode.INVALID_REQUEST, null, "Job already exists: www/prod/hello"));

    assertThat(client.run("job", "create", "local/www/prod/hello", HELLO)).isEqualTo(10);
    assertThat(client.err()).isEqualTo("aurora: INVALID_REQUEST: Job already exists: www/prod/hello\n");
    assertThat(client.out()).isEmpty();
  }

  @Test
  void jobCreate_missingFile_isAConfigurationErrorWithoutACall() {
    assertThat(client.run("job", "create", "local/www/prod/hello", "no-such.json")).isEqualTo(3);
    assertThat(client.err()).isEqualTo("aurora: cannot read job file no-such.json: no such file\n");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void jobCreate_aFileWithACronSchedule_exitsFourNamingTheCronVerb_withoutACall() {
    String cron = "../docs/examples/hello-cron.json";

    assertThat(client.run("job", "create", "local/www/prod/hello", cron)).isEqualTo(4);

    assertThat(client.err()).isEqualTo("aurora: " + cron + " has a cronSchedule: schedule it with "
        + "'aurora cron schedule local/www/prod/hello " + cron + "'\n");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void taskList_printsTasksByInstance() {
    ScheduledTask late = task(1, ScheduleStatus.RUNNING, "h2");
    late.setTaskEvents(List.of(new TaskEvent(0, ScheduleStatus.PENDING),
        new TaskEvent(1_700_000_000_000L, ScheduleStatus.RUNNING)));
    client.scheduler.answer("getTasksWithoutConfigs", ok(tasks(late,
        task(0, ScheduleStatus.PENDING, null))));

    assertThat(client.run("task", "list", "local/www/prod/hello")).isEqualTo(0);

    assertThat(client.out().lines()).containsExactly(
        "INSTANCE  STATUS     HOST                 SINCE                    TASK ID",
        "0         PENDING    -                                             task-0",
        "1         RUNNING    h2                   2023-11-14T22:13:20Z     task-1");
  }

  @Test
  void networkFailure_isOneLineAndExitsSeven() {
    client.scheduler.fail("getTasksWithoutConfigs",
        new TTransportException("cannot reach http://h:8081/api: Connection refused"));

    assertThat(client.run("job", "status", "local/www/prod/hello")).isEqualTo(7);
    assertThat(client.err()).isEqualTo(
        "aurora: cannot reach http://h:8081/api: Connection refused\n");
  }

  @Test
  void globalOptions_areReadBeforeOrAfterTheVerb() {
    for (String[] args : List.of(
        new String[] {"--scheduler=http://sched:9090", "job", "status", "c/www/prod/hello"},
        new String[] {"job", "status", "c/www/prod/hello", "--scheduler=http://sched:9090/"},
        new String[] {"job", "--scheduler", "http://sched:9090", "status", "c/www/prod/hello"})) {
      List<URI> apis = new ArrayList<>();
      ConnectionOptions options = new ConnectionOptions();
      ScriptedScheduler scheduler = new ScriptedScheduler()
          .answer("getTasksWithoutConfigs", ok(tasks(task(0, ScheduleStatus.RUNNING, "h"))));
      ClientContext context = new ClientContext(cluster -> {
        apis.add(new ThriftConnector(options, Map.of()).apiUri());
        return new SchedulerHandle(scheduler.iface(), ClientHarness.WEB);
      }, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false,
          d -> { }, UUID::randomUUID, ClientHarness.LOCAL_ZONE);

      assertThat(AuroraClient.commandLine(options, context).execute(args))
          .as(String.join(" ", args)).isEqualTo(0);
      assertThat(apis).as(String.join(" ", args)).containsExactly(URI.create("http://sched:9090/api"));
    }
  }

  @Test
  void schedulerAddress_fallsBackToTheEnvironmentThenTheLocalDefault() {
    ConnectionOptions options = new ConnectionOptions();
    assertThat(new ThriftConnector(options, Map.of("AURORA_SCHEDULER_URL", "http://env:1")).apiUri())
        .isEqualTo(URI.create("http://env:1/api"));
    assertThat(new ThriftConnector(options, Map.of()).apiUri())
        .isEqualTo(URI.create("http://127.0.0.1:8081/api"));
    assertThat(ThriftConnector.webBase(URI.create("http://h:1/api"))).isEqualTo(URI.create("http://h:1/"));
  }

  @Test
  void run_againstNothingListening_exitsSevenWithOneLine() {
    StringWriter err = new StringWriter();
    int status = AuroraClient.run(new String[] {"--scheduler=http://127.0.0.1:1", "job", "status",
        "local/www/prod/hello"}, Map.of(), new PrintWriter(new StringWriter()),
        new PrintWriter(err, true), false);

    assertThat(status).isEqualTo(7);
    assertThat(err.toString()).startsWith("aurora: cannot reach http://127.0.0.1:1/api: ")
        .doesNotContain("\tat ").doesNotContain("null").hasLineCount(1);
  }

  @Test
  void run_againstAnUnknownHost_namesTheHost() {
    StringWriter err = new StringWriter();
    int status = AuroraClient.run(new String[] {"--scheduler=http://no-such-host.invalid:8081",
        "job", "status", "local/www/prod/hello"}, Map.of(), new PrintWriter(new StringWriter()),
        new PrintWriter(err, true), false);

    assertThat(status).isEqualTo(7);
    assertThat(err.toString()).isEqualTo("aurora: cannot reach http://no-such-host.invalid:8081/api:"
        + " unknown host no-such-host.invalid\n");
  }

  @Test
  void run_withABadSchedulerUrl_isAUsageError() {
    StringWriter err = new StringWriter();
    int status = AuroraClient.run(new String[] {"--scheduler=not a url", "job", "status",
        "local/www/prod/hello"}, Map.of(), new PrintWriter(new StringWriter()),
        new PrintWriter(err, true), false);
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).startsWith("aurora: bad scheduler URL 'not a url'");
  }

  static Result tasks(ScheduledTask... tasks) {
    return Result.scheduleStatusResult(new ScheduleStatusResult(new ArrayList<>(List.of(tasks))));
  }

  static ScheduledTask task(int instance, ScheduleStatus status, String host) {
    return new ScheduledTask().setStatus(status).setAssignedTask(new AssignedTask()
        .setInstanceId(instance).setTaskId("task-" + instance).setSlaveHost(host));
  }
}
