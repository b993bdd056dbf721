package io.aurora.server.client.job;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.job.JobFixtures.JOB;
import static io.aurora.server.client.job.JobFixtures.PATH;
import static io.aurora.server.client.job.JobFixtures.of;
import static io.aurora.server.client.job.JobFixtures.older;
import static io.aurora.server.client.job.JobFixtures.task;
import static io.aurora.server.client.job.JobFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.GetJobsResult;
import io.aurora.gen.GetPendingReasonResult;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.PendingReason;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskQuery;
import io.aurora.server.client.ClientHarness;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code job status}: the per-instance table, pending reasons, patterns and JSON. */
class JobStatusCommandTest {
  private static final JobKey DEVEL = new JobKey("www", "devel", "hello");
  private final ClientHarness client = new ClientHarness();

  private void scriptHello() {
    client.scheduler.answer("getTasksWithoutConfigs", tasks(
            task(0, ScheduleStatus.RUNNING),
            older(task(1, ScheduleStatus.FAILED, "old-1"), 600_000),
            task(1, ScheduleStatus.RUNNING),
            task(2, ScheduleStatus.PENDING)))
        .answer("getPendingReason", ok(Result.getPendingReasonResult(new GetPendingReasonResult(
            Set.of(new PendingReason("id-2", "Insufficient: CPU"))))));
  }

  @Test
  void status_showsEachInstancesNewestTask_withTimeInStateAndPendingReason() {
    scriptHello();

    assertThat(client.run("job", "status", PATH)).isZero();

    assertThat(client.out().lines()).containsExactly(
        "www/prod/hello: 1 PENDING, 2 RUNNING, 1 FAILED",
        "INSTANCE  STATUS   HOST    IN STATE  FAILURES  PENDING REASON",
        "0         RUNNING  host-0  3m07s     0         -",
        "1         RUNNING  host-1  3m07s     0         -",
        "2         PENDING  -       4m07s     0         Insufficient: CPU");
    TaskQuery query = (TaskQuery) client.scheduler.calls("getTasksWithoutConfigs").get(0).arg(0);
    assertThat(query.getJobKeys()).containsExactly(JOB);
    assertThat(query.getStatuses()).isNullOrEmpty();
    TaskQuery pending = (TaskQuery) client.scheduler.calls("getPendingReason").get(0).arg(0);
    assertThat(pending.getJobKeys()).containsExactly(JOB);
    assertThat(pending.getStatuses()).isNullOrEmpty();
  }

  @Test
  void status_withoutPendingTasks_doesNotAskForReasons() {
    client.scheduler.answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.FINISHED)));

    assertThat(client.run("job", "status", PATH)).isZero();

    assertThat(client.out()).startsWith("www/prod/hello: 1 FINISHED\n");
    assertThat(client.scheduler.calls("getPendingReason")).isEmpty();
  }

  @Test
  void status_writeJson_isAurorasShapeWithEveryTaskAndItsPendingReason() throws Exception {
    scriptHello();

    assertThat(client.run("job", "status", PATH, "--write-json")).isZero();

    JsonNode all = new ObjectMapper().readTree(client.out());
    assertThat(all.isArray()).isTrue();
    assertThat(all).hasSize(1);
    JsonNode job = all.get(0);
    assertThat(job.get("job").asText()).isEqualTo(PATH);
    assertThat(job.get("active")).extracting(t -> t.get("status").asText())
        .containsExactly("RUNNING", "RUNNING", "PENDING");
    assertThat(job.get("active").get(2).get("pendingReason").asText())
        .isEqualTo("Insufficient: CPU");
    assertThat(job.get("active").get(0).has("pendingReason")).isFalse();
    JsonNode failed = job.get("inactive").get(0);
    assertThat(failed.get("assignedTask").get("taskId").asText()).isEqualTo("old-1");
    assertThat(failed.get("assignedTask").get("task").get("isService").asBoolean()).isTrue();
    assertThat(failed.get("taskEvents").get(1).get("status").asText()).isEqualTo("FAILED");
  }

  @Test
  void status_ofARolesEnvironment_showsEachMatchingJob() {
    client.scheduler.answer("getJobs", jobs(JOB, DEVEL, new JobKey("www", "prod", "other")))
        .answer("getTasksWithoutConfigs", tasks(task(0, ScheduleStatus.RUNNING),
            of(DEVEL, task(0, ScheduleStatus.KILLED))));

    assertThat(client.run("job", "status", "local/www/*/hell?")).isZero();

    assertThat(client.scheduler.calls("getJobs").get(0).arg(0)).isEqualTo("www");
    TaskQuery query = (TaskQuery) client.scheduler.calls("getTasksWithoutConfigs").get(0).arg(0);
    assertThat(query.getJobKeys()).containsExactlyInAnyOrder(JOB, DEVEL);
    assertThat(client.out()).isEqualTo(String.join("\n",
        "www/devel/hello: 1 KILLED",
        "INSTANCE  STATUS  HOST    IN STATE  FAILURES  PENDING REASON",
        "0         KILLED  host-0  3m07s     0         -",
        "",
        "www/prod/hello: 1 RUNNING",
        "INSTANCE  STATUS   HOST    IN STATE  FAILURES  PENDING REASON",
        "0         RUNNING  host-0  3m07s     0         -",
        ""));
  }

  @Test
  void status_noMatchingJob_exitsSix_orPrintsAnErrorObjectWithWriteJson() {
    client.scheduler.answer("getTasksWithoutConfigs", tasks());
    assertThat(client.run("job", "status", PATH)).isEqualTo(6);
    assertThat(client.err()).isEqualTo("aurora: found no job matching " + PATH + "\n");

    ClientHarness json = new ClientHarness();
    json.scheduler.answer("getJobs", jobs());
    assertThat(json.run("job", "status", "local/nobody", "--write-json")).isZero();
    assertThat(json.out()).isEqualTo(
        "{\"jobspec\":\"local/nobody\",\"error\":\"No matching jobs found\"}\n");
    assertThat(json.scheduler.calls("getTasksWithoutConfigs")).isEmpty();
  }

  @Test
  void elapsed_isCompact() {
    assertThat(List.of(0, 42, 60, 187, 3600, 7_500, 86_400, 370_000).stream()
        .map(s -> JobStatusCommand.elapsed(Duration.ofSeconds(s))))
        .containsExactly("0s", "42s", "1m00s", "3m07s", "1h00m", "2h05m", "1d00h", "4d06h");
    assertThat(JobStatusCommand.elapsed(Duration.ofSeconds(-5))).isEqualTo("0s");
  }

  static io.aurora.gen.Response jobs(JobKey... keys) {
    Set<JobConfiguration> configs = new HashSet<>();
    for (JobKey key : keys) {
      configs.add(new JobConfiguration().setKey(key).setInstanceCount(1));
    }
    return ok(Result.getJobsResult(new GetJobsResult(configs)));
  }
}
