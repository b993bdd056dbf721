package io.aurora.server.client.cron;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobStats;
import io.aurora.gen.JobSummary;
import io.aurora.gen.JobSummaryResult;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.Result;
import io.aurora.server.client.ClientHarness;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code aurora cron show} against a scripted scheduler; the harness's local zone is
 * Europe/Paris.
 */
class CronShowCommandTest {
  private static final String JOB = "local/www/prod/hello-cron";
  private static final JobKey KEY = new JobKey("www", "prod", "hello-cron");
  /** 12:05 GMT in summer: 14:05 in Paris, 08:05 in New York. */
  private static final long NEXT = Instant.parse("2026-07-01T12:05:00Z").toEpochMilli();
  private final ClientHarness client = new ClientHarness();

  @Test
  void show_printsScheduleAndPolicy_andTheNextRunInTheLocalAndTheGmtZone() {
    client.scheduler.answer("getJobSummary", summaries(
        cron(KEY, "*/5 * * * *", CronCollisionPolicy.CANCEL_NEW, NEXT),
        cron(new JobKey("www", "prod", "other"), "0 0 * * *", null, NEXT)));

    assertThat(client.run("cron", "show", JOB)).isEqualTo(0);

    assertThat(client.scheduler.calls()).hasSize(1);
    assertThat(client.scheduler.calls("getJobSummary").get(0).arg(0)).isEqualTo("www");
    assertThat(client.out().lines()).containsExactly(
        "Job:               local/www/prod/hello-cron",
        "Schedule:          */5 * * * *",
        "Collision policy:  CANCEL_NEW",
        "Next run:          2026-07-01 14:05:00 +02:00  Europe/Paris (local)",
        "                   2026-07-01 12:05:00 +00:00  GMT (cron time zone)",
        "Instances:         2",
        "Tasks:             1 pending, 2 active, 3 finished, 4 failed");
    assertThat(client.err()).isEmpty();
  }

  @Test
  void show_withTheSchedulersCronTimezone_printsTheNextRunThere_andTheDefaultPolicy() {
    client.scheduler.answer("getJobSummary", summaries(cron(KEY, "5 8 * * *", null, NEXT)));

    assertThat(client.run("cron", "show", JOB, "--cron-timezone=America/New_York")).isEqualTo(0);

    assertThat(client.out().lines()).contains(
        "Collision policy:  KILL_EXISTING (default)",
        "Next run:          2026-07-01 14:05:00 +02:00  Europe/Paris (local)",
        "                   2026-07-01 08:05:00 -04:00  America/New_York (cron time zone)");
  }

  @Test
  void show_withoutANextRunTime_saysSo() {
    JobSummary summary = cron(KEY, "0 0 30 2 *", CronCollisionPolicy.KILL_EXISTING, NEXT);
    summary.unsetNextCronRunMs();
    client.scheduler.answer("getJobSummary", summaries(summary));

    assertThat(client.run("cron", "show", JOB)).isEqualTo(0);

    assertThat(client.out().lines()).contains("Next run:          none given by the scheduler");
  }

  @Test
  void show_ofNoSuchJob_exitsSixWithOneLine() {
    client.scheduler.answer("getJobSummary",
        summaries(cron(new JobKey("www", "prod", "other"), "* * * * *", null, NEXT)));

    assertThat(client.run("cron", "show", JOB)).isEqualTo(6);

    assertThat(client.err()).isEqualTo(
        "aurora: no cron job www/prod/hello-cron: the scheduler has no job of that name\n");
    assertThat(client.out()).isEmpty();
  }

  @Test
  void show_ofAJobWithoutSchedule_exitsSixSayingItIsNotACronJob() {
    JobSummary plain = cron(KEY, null, null, NEXT);
    plain.unsetNextCronRunMs();
    client.scheduler.answer("getJobSummary", summaries(plain));

    assertThat(client.run("cron", "show", JOB)).isEqualTo(6);

    assertThat(client.err()).isEqualTo(
        "aurora: www/prod/hello-cron is not a cron job: it has no cronSchedule\n");
  }

  @Test
  void show_refused_exitsTen() {
    client.scheduler.answer("getJobSummary",
        response(ResponseCode.INVALID_REQUEST, null, "role: bad"));

    assertThat(client.run("cron", "show", JOB)).isEqualTo(10);

    assertThat(client.err()).isEqualTo("aurora: INVALID_REQUEST: role: bad\n");
  }

  @Test
  void show_anUnknownZone_isAUsageErrorThatSaysWhatWouldDo_withoutACall() {
    assertThat(client.run("cron", "show", JOB, "--cron-timezone=Mars/Olympus")).isEqualTo(2);

    assertThat(client.err()).contains("'Mars/Olympus' is not a time zone: give a zone id such as "
        + "GMT, UTC, America/New_York or GMT+02:00");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void show_help_explainsWhyTheCronTimezoneIsAnOption() {
    assertThat(client.run("cron", "show", "--help")).isEqualTo(0);

    assertThat(client.out()).startsWith("Usage: aurora cron show")
        .contains("--cron-timezone=ZONE", "default: GMT", "-cron_timezone",
            "API does not tell that");
  }

  private static Response summaries(JobSummary... summaries) {
    return ok(Result.jobSummaryResult(new JobSummaryResult(Set.of(summaries))));
  }

  private static JobSummary cron(JobKey key, String schedule, CronCollisionPolicy policy,
      long next) {
    JobConfiguration job = new JobConfiguration().setKey(key).setInstanceCount(2)
        .setCronSchedule(schedule).setCronCollisionPolicy(policy);
    return new JobSummary(job, new JobStats(2, 3, 4, 1)).setNextCronRunMs(next);
  }
}
