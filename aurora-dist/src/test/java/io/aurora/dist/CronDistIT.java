package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobSummary;
import io.aurora.gen.Resource;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskQuery;
import io.aurora.server.bench.failover.ChildProcess;
import io.aurora.server.bench.failover.ClusterApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cron job from the unzipped distribution: one {@code bin/aurora-scheduler} with its embedded
 * ZooKeeper and Mesos master, whose local agent runs tasks as real processes. A {@code * * * * *}
 * template fires at the next minute, its task runs and finishes, and {@code /cron},
 * {@code nextCronRunMs} and the counters show it. Waits at most one real minute for the due time.
 */
class CronDistIT {
  private static final Duration STARTUP = Duration.ofSeconds(90);
  /** How late after its due time the run's task may be created: well under a minute. */
  private static final Duration MAX_LAG = Duration.ofSeconds(10);
  private static final JobKey JOB = new JobKey("www", "prod", "every-minute");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path tmp;

  @Test
  void everyMinuteSchedule_firesWithinAMinuteOfItsDueTime_andItsTaskRuns() throws Exception {
    Path home = DistZip.unpack(tmp);
    Path data = tmp.resolve("data");
    LocalScheduler local = LocalScheduler.start(home, data, "crontest");
    String url = local.url();
    ChildProcess scheduler = local.process();
    try {
      await("the scheduler to lead").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
          .until(() -> status(url + "/leaderhealth") == 200);
      AuroraAdmin.Client api = ClusterApi.client(url, Duration.ofSeconds(30));

      Response scheduled = api.scheduleCronJob(template("* * * * *"));
      assertThat(scheduled.getResponseCode()).as("%s", scheduled.getDetails())
          .isEqualTo(ResponseCode.OK);
      assertThat(get(url + "/cron"))
          .isEqualTo("{\"scheduled\":{\"www/prod/every-minute\":\"* * * * *\"}}");
      JobSummary summary = api.getJobSummary("www").getResult().getJobSummaryResult()
          .getSummaries().iterator().next();
      Instant next = Instant.ofEpochMilli(summary.getNextCronRunMs());
      assertThat(next.getEpochSecond() % 60).isZero();
      assertThat(next).isBetween(Instant.now().minusSeconds(1), Instant.now().plusSeconds(61));

      ScheduledTask run = await("the first run").atMost(Duration.ofSeconds(75))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> tasks(api), tasks -> !tasks.isEmpty()).get(0);
      // Created within a few seconds after a minute starts: the minute it was due.
      Instant created = Instant.ofEpochMilli(run.getTaskEvents().get(0).getTimestamp());
      Instant due = created.truncatedTo(ChronoUnit.MINUTES);
      System.out.printf("cron run due %s created %s (%d ms late)%n", due, created,
          Duration.between(due, created).toMillis());
      assertThat(Duration.between(due, created)).isLessThan(MAX_LAG);
      assertThat(due).isAfterOrEqualTo(next);

      await("the run's task to run and finish").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500)).until(() -> tasks(api).stream().anyMatch(
              t -> t.getStatus() == ScheduleStatus.FINISHED));
      assertThat(get(url + "/vars")).containsPattern("(?m)^cron_job_triggers [1-9]");

      assertThat(api.descheduleCronJob(JOB).getResponseCode()).isEqualTo(ResponseCode.OK);
      assertThat(get(url + "/cron")).isEqualTo("{\"scheduled\":{}}");
    } catch (Throwable t) {
      throw new AssertionError(t + "\nscheduler output:\n" + scheduler.tail(60), t);
    } finally {
      scheduler.kill();
    }
  }

  /** A batch job whose one task prints a line and exits. */
  private static JobConfiguration template(String schedule) {
    String thermos = "{\"task\":{\"name\":\"tick\",\"processes\":[{\"name\":\"tick\","
        + "\"cmdline\":\"echo cron-ran\"}]}}";
    TaskConfig task = new TaskConfig()
        .setIsService(false)
        .setMaxTaskFailures(1)
        .setPriority(0)
        .setResources(new HashSet<>(List.of(
            Resource.numCpus(0.01), Resource.ramMb(1), Resource.diskMb(1))))
        .setConstraints(new HashSet<>())
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor", thermos));
    return new JobConfiguration().setKey(JOB).setOwner(new Identity().setUser("www"))
        .setTaskConfig(task).setInstanceCount(1).setCronSchedule(schedule)
        .setCronCollisionPolicy(CronCollisionPolicy.CANCEL_NEW);
  }

  private static List<ScheduledTask> tasks(AuroraAdmin.Client api) throws Exception {
    Response r = api.getTasksStatus(new TaskQuery().setJobKeys(Set.of(JOB)));
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    return r.getResult().getScheduleStatusResult().getTasks();
  }

  private static int status(String uri) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static String get(String uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
