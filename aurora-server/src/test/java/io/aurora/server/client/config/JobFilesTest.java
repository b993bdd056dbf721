package io.aurora.server.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFilesTest {
  private static final Path HELLO = Path.of("..", "docs", "examples", "hello-world.json");
  private static final JobPath JOB = JobPath.parse("local/www/prod/hello");

  @TempDir
  Path dir;

  @Test
  void helloWorld_readsIntoAJobConfigurationWithTheCommandLineKey() {
    JobFile file = JobFiles.read(HELLO, JOB);
    JobConfiguration job = file.job();

    assertThat(job.getKey()).isEqualTo(new JobKey("www", "prod", "hello"));
    assertThat(job.getOwner().getUser()).isEqualTo("www");
    assertThat(job.getInstanceCount()).isEqualTo(1);
    assertThat(job.getTaskConfig().getJob()).isEqualTo(job.getKey());
    assertThat(job.getTaskConfig().getOwner().getUser()).isEqualTo("www");
    assertThat(job.getTaskConfig().getResources())
        .contains(Resource.numCpus(0.1), Resource.ramMb(32), Resource.diskMb(32));
    // The inline Thermos object becomes the executor data's JSON text.
    assertThat(job.getTaskConfig().getExecutorConfig().getData())
        .startsWith("{\"task\":").contains("\"cmdline\":\"echo hello world; sleep 60; echo bye\"");
    assertThat(file.updateConfig()).isEqualTo(UpdateConfig.DEFAULTS);
  }

  @Test
  void helloCron_readsItsScheduleAndCollisionPolicyByName() {
    JobFile file = JobFiles.read(Path.of("..", "docs", "examples", "hello-cron.json"),
        JobPath.parse("local/www/prod/hello-cron"));

    assertThat(file.hasCronSchedule()).isTrue();
    assertThat(file.job().getCronSchedule()).isEqualTo("* * * * *");
    assertThat(file.job().getCronCollisionPolicy()).isEqualTo(CronCollisionPolicy.KILL_EXISTING);
    assertThat(file.job().getTaskConfig().isIsService()).isFalse();
    assertThat(file.job().getTaskConfig().getExecutorConfig().getData())
        .contains("\"cmdline\":\"echo hello from cron; date -u\"");
    assertThat(JobFiles.read(HELLO, JOB).hasCronSchedule()).isFalse();
  }

  @Test
  void aBlankSchedule_countsAsNone() throws Exception {
    assertThat(JobFiles.read(write("{\"cronSchedule\": \" \"}"), JOB).hasCronSchedule()).isFalse();
  }

  @Test
  void theCommandLineKeyWinsOverTheFiles() throws Exception {
    Path file = write("{\"key\":{\"role\":\"x\",\"environment\":\"y\",\"name\":\"z\"},"
        + "\"instanceCount\":3,\"taskConfig\":{\"job\":{\"role\":\"x\",\"environment\":\"y\","
        + "\"name\":\"z\"}}}");
    JobConfiguration job = JobFiles.read(file, JOB).job();
    assertThat(job.getKey()).isEqualTo(JOB.jobKey());
    assertThat(job.getTaskConfig().getJob()).isEqualTo(JOB.jobKey());
    assertThat(job.getInstanceCount()).isEqualTo(3);
  }

  @Test
  void everyBadFile_isOneLineAndExitStatusThree() throws Exception {
    assertBad(dir.resolve("missing.json"), "cannot read job file " + dir.resolve("missing.json")
        + ": no such file");
    assertBad(write("{\"instanceCount\": 1,"), "not valid JSON");
    assertBad(write(""), "is empty");
    assertBad(write("{\"taskConfig\":{\"cpu\":1}}"), "$.taskConfig.cpu: TaskConfig has no field 'cpu'");
    assertBad(write("{\"instanceCount\":\"two\"}"), "$.instanceCount: expected an integer");
    assertBad(write("{\"cronCollisionPolicy\":\"cancel_new\"}"), "$.cronCollisionPolicy: "
        + "'cancel_new' is not a CronCollisionPolicy (one of KILL_EXISTING, CANCEL_NEW, RUN_OVERLAP)");
  }

  @Test
  void idlJson_readsUnionsEnumsAndInlineExecutorData() throws Exception {
    var json = new ObjectMapper();
    JobConfiguration job = IdlJson.read(json.readTree("{\"cronCollisionPolicy\":\"CANCEL_NEW\","
        + "\"taskConfig\":{\"resources\":[{\"numCpus\":2}]}}"), JobConfiguration.class);
    assertThat(job.getCronCollisionPolicy()).hasToString("CANCEL_NEW");
    assertThat(job.getTaskConfig().getResources()).containsExactly(Resource.numCpus(2));
  }

  private void assertBad(Path file, String message) {
    assertThatThrownBy(() -> JobFiles.read(file, JOB))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION))
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private Path write(String text) throws Exception {
    Path file = Files.createTempFile(dir, "job", ".json");
    Files.writeString(file, text);
    return file;
  }
}
