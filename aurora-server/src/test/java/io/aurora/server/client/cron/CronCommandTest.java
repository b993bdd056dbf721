package io.aurora.server.client.cron;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.ResponseCode;
import io.aurora.server.client.ClientHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aurora cron schedule|deschedule|start} against a scripted scheduler. */
class CronCommandTest {
  private static final String HELLO_CRON = "../docs/examples/hello-cron.json";
  private static final String JOB = "local/www/prod/hello-cron";
  private static final JobKey KEY = new JobKey("www", "prod", "hello-cron");
  private final ClientHarness client = new ClientHarness();

  @TempDir
  Path dir;

  @Test
  void schedule_sendsTheFilesScheduleAndPolicyWithTheCommandLinesKey() {
    client.scheduler.answer("scheduleCronJob", ok(null));

    assertThat(client.run("cron", "schedule", JOB, HELLO_CRON)).isEqualTo(0);

    assertThat(client.scheduler.calls()).hasSize(1);
    JobConfiguration sent =
        (JobConfiguration) client.scheduler.calls("scheduleCronJob").get(0).arg(0);
    assertThat(sent.getKey()).isEqualTo(KEY);
    assertThat(sent.getTaskConfig().getJob()).isEqualTo(KEY);
    assertThat(sent.getOwner().getUser()).isEqualTo("www");
    assertThat(sent.getCronSchedule()).isEqualTo("* * * * *");
    assertThat(sent.getCronCollisionPolicy()).isEqualTo(CronCollisionPolicy.KILL_EXISTING);
    assertThat(sent.getTaskConfig().isIsService()).isFalse();
    assertThat(client.clusters).containsExactly(Optional.of("local"));
    assertThat(client.out()).isEqualTo(
        "scheduled www/prod/hello-cron: '* * * * *', KILL_EXISTING\n");
    assertThat(client.err()).isEmpty();
  }

  @Test
  void schedule_withoutAPolicy_saysTheDefault_andSendsNone() throws Exception {
    Path file = cronFile("\"cronSchedule\": \"0 9-17 * * MON-FRI\"");
    client.scheduler.answer("scheduleCronJob", ok(null));

    assertThat(client.run("cron", "schedule", JOB, file.toString())).isEqualTo(0);

    JobConfiguration sent =
        (JobConfiguration) client.scheduler.calls("scheduleCronJob").get(0).arg(0);
    assertThat(sent.isSetCronCollisionPolicy()).isFalse();
    assertThat(client.out()).isEqualTo(
        "scheduled www/prod/hello-cron: '0 9-17 * * MON-FRI', KILL_EXISTING\n");
  }

  @Test
  void schedule_aFileWithoutASchedule_exitsFourWithOneLine_andCallsNothing() throws Exception {
    Path blank = cronFile("\"cronSchedule\": \"  \"");
    for (String file : new String[] {"../docs/examples/hello-world.json", blank.toString()}) {
      ClientHarness one = new ClientHarness();

      assertThat(one.run("cron", "schedule", JOB, file)).as(file).isEqualTo(4);

      assertThat(one.err()).as(file).isEqualTo("aurora: " + file + " has no cronSchedule: a cron "
          + "job needs one, e.g. \"cronSchedule\": \"0 * * * *\" (use 'aurora job create' to run "
          + "a job once)\n");
      assertThat(one.out()).isEmpty();
      assertThat(one.scheduler.calls()).as(file).isEmpty();
    }
  }

  @Test
  void schedule_anUnknownPolicyName_isABadJobFileNamingThePolicies() throws Exception {
    Path file = cronFile("\"cronSchedule\": \"* * * * *\", \"cronCollisionPolicy\": \"KILL\"");

    assertThat(client.run("cron", "schedule", JOB, file.toString())).isEqualTo(3);

    assertThat(client.err()).isEqualTo("aurora: " + file + ": $.cronCollisionPolicy: 'KILL' is "
        + "not a CronCollisionPolicy (one of KILL_EXISTING, CANCEL_NEW, RUN_OVERLAP)\n");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void schedule_refusedByTheScheduler_printsItsCodeAndMessageAndExitsTen() {
    client.scheduler.answer("scheduleCronJob", response(ResponseCode.INVALID_REQUEST, null,
        "Invalid cron schedule: 60 * * * * (minute '60': Value 60 not in range [0, 59])"));

    assertThat(client.run("cron", "schedule", JOB, HELLO_CRON)).isEqualTo(10);

    assertThat(client.err()).isEqualTo("aurora: INVALID_REQUEST: Invalid cron schedule: "
        + "60 * * * * (minute '60': Value 60 not in range [0, 59])\n");
    assertThat(client.out()).isEmpty();
  }

  @Test
  void schedule_whileTheJobUpdates_addsTheHint() {
    client.scheduler.answer("scheduleCronJob", response(ResponseCode.JOB_UPDATING_ERROR, null,
        "Job www/prod/hello-cron is being updated"));

    assertThat(client.run("cron", "schedule", JOB, HELLO_CRON)).isEqualTo(10);

    assertThat(client.err().lines()).containsExactly(
        "aurora: JOB_UPDATING_ERROR: Job www/prod/hello-cron is being updated",
        "aurora: the job has an active update: abort it with 'aurora update abort "
            + "CLUSTER/ROLE/ENV/NAME' or wait for it to end with 'aurora update wait "
            + "CLUSTER/ROLE/ENV/NAME'");
  }

  @Test
  void deschedule_sendsTheKey_andSaysDone() {
    client.scheduler.answer("descheduleCronJob", ok(null));

    assertThat(client.run("cron", "deschedule", JOB)).isEqualTo(0);

    assertThat(client.scheduler.calls("descheduleCronJob").get(0).arg(0)).isEqualTo(KEY);
    assertThat(client.out()).isEqualTo("descheduled www/prod/hello-cron\n");
  }

  @Test
  void deschedule_ofAJobNotScheduled_printsTheSchedulersWordsAndExitsZeroAsAurorasClient() {
    client.scheduler.answer("descheduleCronJob",
        response(ResponseCode.OK, null, "Job www/prod/hello-cron is not scheduled with cron"));

    assertThat(client.run("cron", "deschedule", JOB)).isEqualTo(0);

    assertThat(client.out()).isEqualTo("Job www/prod/hello-cron is not scheduled with cron\n");
    assertThat(client.err()).isEmpty();
  }

  @Test
  void start_sendsTheKey_andSaysARunStarted() {
    client.scheduler.answer("startCronJob", ok(null));

    assertThat(client.run("cron", "start", JOB)).isEqualTo(0);

    assertThat(client.scheduler.calls()).hasSize(1);
    assertThat(client.scheduler.calls("startCronJob").get(0).arg(0)).isEqualTo(KEY);
    assertThat(client.out()).isEqualTo("started a run of www/prod/hello-cron\n");
  }

  @Test
  void start_thatTheCollisionPolicyHeldBack_printsWhyInsteadOfStarted() {
    String why = "The previous run of www/prod/hello-cron is still active, so no new run was "
        + "started (CANCEL_NEW).";
    client.scheduler.answer("startCronJob", response(ResponseCode.OK, null, why));

    assertThat(client.run("cron", "start", JOB)).isEqualTo(0);

    assertThat(client.out()).isEqualTo(why + "\n");
  }

  @Test
  void start_ofNoCronJob_exitsTenWithTheSchedulersMessage() {
    client.scheduler.answer("startCronJob", response(ResponseCode.INVALID_REQUEST, null,
        "Failed to start cron job - No cron job found for www/prod/hello-cron."));

    assertThat(client.run("cron", "start", JOB)).isEqualTo(10);

    assertThat(client.err()).isEqualTo("aurora: INVALID_REQUEST: Failed to start cron job - "
        + "No cron job found for www/prod/hello-cron.\n");
    assertThat(client.out()).isEmpty();
  }

  @Test
  void transientAnswers_areRetried_andAnUnreachableSchedulerExitsSeven() {
    client.scheduler.answer("descheduleCronJob",
        response(ResponseCode.ERROR_TRANSIENT, null, "storage busy"), ok(null));
    assertThat(client.run("cron", "deschedule", JOB)).isEqualTo(0);
    assertThat(client.scheduler.calls("descheduleCronJob")).hasSize(2);
    assertThat(client.pauses).hasSize(1);

    ClientHarness down = new ClientHarness();
    down.scheduler.fail("startCronJob",
        new TTransportException("cannot reach http://h:8081/api: Connection refused"));
    assertThat(down.run("cron", "start", JOB)).isEqualTo(7);
    assertThat(down.err()).isEqualTo("aurora: cannot reach http://h:8081/api: Connection refused\n");
  }

  @Test
  void badJobKeyOrMissingArguments_areUsageErrors() {
    assertThat(client.run("cron", "start", "www/prod/hello-cron")).isEqualTo(2);
    assertThat(client.err()).contains("expected CLUSTER/ROLE/ENV/NAME, got 'www/prod/hello-cron'");
    assertThat(new ClientHarness().run("cron", "schedule", JOB)).isEqualTo(2);
    assertThat(new ClientHarness().run("cron")).isEqualTo(2);
    assertThat(client.scheduler.calls()).isEmpty();
  }

  /** A copy of hello-cron.json whose schedule and policy lines are {@code scheduleFields}. */
  private Path cronFile(String scheduleFields) throws Exception {
    String json = Files.readString(Path.of(HELLO_CRON)).replace(
        "\"cronSchedule\": \"* * * * *\",\n  \"cronCollisionPolicy\": \"KILL_EXISTING\"",
        scheduleFields);
    assertThat(json).contains(scheduleFields);
    Path file = dir.resolve("cron.json");
    Files.writeString(file, json);
    return file;
  }
}
