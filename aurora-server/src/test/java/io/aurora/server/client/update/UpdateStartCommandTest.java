package io.aurora.server.client.update;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static io.aurora.server.client.update.UpdateFixtures.details;
import static io.aurora.server.client.update.UpdateFixtures.detailsResponse;
import static io.aurora.server.client.update.UpdateFixtures.event;
import static io.aurora.server.client.update.UpdateFixtures.key;
import static io.aurora.server.client.update.UpdateFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.Metadata;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.Range;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.Result;
import io.aurora.gen.StartJobUpdateResult;
import io.aurora.server.client.ClientHarness;
import io.aurora.server.client.cli.SchedulerCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateStartCommandTest {
  private static final String ID = ClientHarness.UPDATE_ID.toString();
  private static final String JOB = "local/www/prod/hello";
  private final ClientHarness client = new ClientHarness();
  private String file;

  @TempDir
  Path dir;

  @BeforeEach
  void writeJobFile() throws Exception {
    String hello = Files.readString(Path.of("..", "docs", "examples", "hello-world.json"));
    Path service = dir.resolve("hello-service.json");
    Files.writeString(service, hello.replace("\"instanceCount\": 1", "\"instanceCount\": 4")
        .replace("\"isService\": false", "\"isService\": true"));
    file = service.toString();
  }

  @Test
  void start_sendsAurorasClientDefaults_andPrintsTheKeyAndPage() {
    client.scheduler.answer("startJobUpdate", started(ID));

    assertThat(client.run("update", "start", JOB, file)).isEqualTo(0);

    JobUpdateRequest request = sentRequest();
    assertThat(request.getInstanceCount()).isEqualTo(4);
    assertThat(request.getTaskConfig().getJob()).isEqualTo(new JobKey("www", "prod", "hello"));
    assertThat(request.getTaskConfig().getOwner().getUser()).isEqualTo("www");
    assertThat(request.getTaskConfig().isIsService()).isTrue();
    assertThat(request.getSettings()).isEqualTo(new JobUpdateSettings()
        .setUpdateGroupSize(1).setMaxPerInstanceFailures(0).setMaxFailedInstances(0)
        .setMinWaitInInstanceRunningMs(45_000).setRollbackOnFailure(true)
        .setWaitForBatchCompletion(false).setSlaAware(false)
        .setUpdateStrategy(JobUpdateStrategy.queueStrategy(new QueueJobUpdateStrategy(1))));
    assertThat(request.getSettings().isSetUpdateOnlyTheseInstances()).isFalse();
    assertThat(request.getSettings().isSetBlockIfNoPulsesAfterMs()).isFalse();
    assertThat(request.getMetadata()).containsExactly(
        new Metadata("org.apache.aurora.client.update_id", ID));
    assertThat(client.scheduler.calls("startJobUpdate").get(0).arg(1)).isNull();
    assertThat(client.out()).isEqualTo("update started: local/www/prod/hello/" + ID + "\n"
        + "http://scheduler.example:8081/scheduler/www/prod/hello/update/" + ID + "\n");
  }

  @Test
  void start_flagsOverrideEachSetting_andInstancesBecomeClosedRanges() {
    client.scheduler.answer("startJobUpdate", started(ID));

    assertThat(client.run("update", "start", JOB, file, "--batch-size=3", "--watch-secs=10",
        "--max-per-instance-failures=2", "--max-total-failures=3", "--no-rollback",
        "--instances=0-3,7", "--message", "deploy 42")).isEqualTo(0);

    JobUpdateSettings settings = sentRequest().getSettings();
    assertThat(settings.getUpdateGroupSize()).isEqualTo(3);
    assertThat(settings.getUpdateStrategy().getQueueStrategy().getGroupSize()).isEqualTo(3);
    assertThat(settings.getMinWaitInInstanceRunningMs()).isEqualTo(10_000);
    assertThat(settings.getMaxPerInstanceFailures()).isEqualTo(2);
    assertThat(settings.getMaxFailedInstances()).isEqualTo(3);
    assertThat(settings.isRollbackOnFailure()).isFalse();
    assertThat(settings.getUpdateOnlyTheseInstances())
        .containsExactlyInAnyOrder(new Range(0, 3), new Range(7, 7));
    assertThat(client.scheduler.calls("startJobUpdate").get(0).arg(1)).isEqualTo("deploy 42");
  }

  @Test
  void start_badSettings_exitThreeWithOneLine_andSendNothing() {
    String[][] cases = {
      {"--batch-size=0", "aurora: --batch-size must be at least 1, got 0\n"},
      {"--watch-secs=-1", "aurora: --watch-secs must not be negative, got -1\n"},
      {"--max-per-instance-failures=-1",
          "aurora: --max-per-instance-failures must not be negative, got -1\n"},
      {"--max-total-failures=4",
          "aurora: --max-total-failures (4) must be less than the job's instance count (4)\n"},
    };
    for (String[] c : cases) {
      ClientHarness one = new ClientHarness();
      assertThat(one.run("update", "start", JOB, file, c[0])).as(c[0]).isEqualTo(3);
      assertThat(one.err()).as(c[0]).isEqualTo(c[1]);
      assertThat(one.scheduler.calls()).as(c[0]).isEmpty();
    }
  }

  @Test
  void start_badInstancesOrMissingFile_areUsageAndConfigurationErrors() {
    assertThat(client.run("update", "start", JOB, file, "--instances=3-1")).isEqualTo(2);
    ClientHarness missing = new ClientHarness();
    assertThat(missing.run("update", "start", JOB, dir.resolve("none.json").toString()))
        .isEqualTo(3);
    assertThat(missing.scheduler.calls()).isEmpty();
  }

  @Test
  void start_aFileWithACronSchedule_exitsFourPointingToCronSchedule_withoutACall() {
    String cron = "../docs/examples/hello-cron.json";

    assertThat(client.run("update", "start", JOB, cron)).isEqualTo(4);

    assertThat(client.err()).isEqualTo("aurora: " + cron + " has a cronSchedule: a cron job is "
        + "updated by scheduling it again, with 'aurora cron schedule " + JOB + " " + cron + "'\n");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void start_unchangedJob_printsSoAndExitsZero() {
    client.scheduler.answer("startJobUpdate",
        response(ResponseCode.OK, null, "Job is unchanged by proposed update."));

    assertThat(client.run("update", "start", JOB, file)).isEqualTo(0);
    assertThat(client.out()).isEqualTo("Job is unchanged by proposed update.\n");
  }

  @Test
  void start_refused_printsTheCodeAndMessage_andExitsTen() {
    client.scheduler.answer("startJobUpdate", response(ResponseCode.INVALID_REQUEST,
        Result.startJobUpdateResult(new StartJobUpdateResult(key("other"))
            .setUpdateSummary(summary("other", JobUpdateStatus.ROLLING_FORWARD, 1))),
        "An active update already exists for this job, please terminate it before starting "
            + "another. Active updates are those in states [ROLLING_FORWARD]"));

    assertThat(client.run("update", "start", JOB, file)).isEqualTo(10);
    assertThat(client.err()).startsWith("aurora: INVALID_REQUEST: An active update already exists");
    assertThat(client.out()).isEmpty();
  }

  @Test
  void start_retriedAfterATransientError_findsItsOwnUpdateByItsId() {
    var ours = summary("first-attempt", JobUpdateStatus.ROLLING_FORWARD, 1);
    ours.setMetadata(Set.of(new Metadata("org.apache.aurora.client.update_id", ID)));
    client.scheduler.answer("startJobUpdate",
        response(ResponseCode.ERROR_TRANSIENT, null, "leader changing"),
        response(ResponseCode.INVALID_REQUEST, Result.startJobUpdateResult(
            new StartJobUpdateResult(key("first-attempt")).setUpdateSummary(ours)),
            "An active update already exists"));

    assertThat(client.run("update", "start", JOB, file)).isEqualTo(0);

    assertThat(client.pauses).containsExactly(SchedulerCalls.TRANSIENT_PAUSE);
    assertThat(client.out()).startsWith("update started: local/www/prod/hello/first-attempt\n");
  }

  @Test
  void startWait_followsTheUpdateToItsEnd() {
    client.scheduler.answer("startJobUpdate", started(ID));
    client.scheduler.answer("getJobUpdateDetails",
        detailsResponse(details(ID, JobUpdateStatus.ROLLING_FORWARD)),
        detailsResponse(details(ID, JobUpdateStatus.ROLLED_FORWARD,
            event(0, 1, JobUpdateAction.INSTANCE_UPDATED), event(1, 2, JobUpdateAction.INSTANCE_UPDATED),
            event(2, 3, JobUpdateAction.INSTANCE_UPDATED), event(3, 4, JobUpdateAction.INSTANCE_UPDATED))));

    assertThat(client.run("update", "start", JOB, file, "--wait")).isEqualTo(0);

    assertThat(client.out().lines()).containsExactly(
        "update started: local/www/prod/hello/" + ID,
        "http://scheduler.example:8081/scheduler/www/prod/hello/update/" + ID,
        "local/www/prod/hello/" + ID + ": 0 of 4 instances done, 0 failed, ROLLING_FORWARD",
        "local/www/prod/hello/" + ID + ": 4 of 4 instances done, 0 failed, ROLLED_FORWARD");
    assertThat(client.pauses).containsExactly(Duration.ofSeconds(5));
    JobUpdateQuery query = (JobUpdateQuery) client.scheduler.calls("getJobUpdateDetails").get(0).arg(1);
    assertThat(query.getKey()).isEqualTo(key(ID));
  }

  @Test
  void startWait_rolledBack_exitsFour() {
    client.scheduler.answer("startJobUpdate", started(ID));
    client.scheduler.answer("getJobUpdateDetails",
        detailsResponse(details(ID, JobUpdateStatus.ROLLED_BACK)));

    assertThat(client.run("update", "start", JOB, file, "--wait")).isEqualTo(4);
    assertThat(client.err()).isEqualTo("aurora: update local/www/prod/hello/" + ID
        + " ended ROLLED_BACK: Latest failure: instance 3 exited.\n");
  }

  private JobUpdateRequest sentRequest() {
    return (JobUpdateRequest) client.scheduler.calls("startJobUpdate").get(0).arg(0);
  }

  private static io.aurora.gen.Response started(String id) {
    return ok(Result.startJobUpdateResult(new StartJobUpdateResult(key(id))
        .setUpdateSummary(summary(id, JobUpdateStatus.ROLLING_FORWARD, UpdateFixtures.T0))));
  }
}
