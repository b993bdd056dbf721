package io.aurora.server.client.config;

import static io.aurora.server.client.config.AuroraJobFormTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.AppcImage;
import io.aurora.gen.Container;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.DockerContainer;
import io.aurora.gen.DockerImage;
import io.aurora.gen.DockerParameter;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Image;
import io.aurora.gen.MesosContainer;
import io.aurora.gen.Mode;
import io.aurora.gen.PartitionPolicy;
import io.aurora.gen.PercentageSlaPolicy;
import io.aurora.gen.SlaPolicy;
import io.aurora.gen.CoordinatorSlaPolicy;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.Volume;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing Aurora's job JSON ({@code job inspect --write-json}) and reading it back. */
class AuroraJobJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\","
      + "\"name\":\"j\",";
  private static final String TASK = "\"task\":{\"processes\":[{\"name\":\"p\",\"cmdline\":"
      + "\"true\"}],\"resources\":{\"cpu\":1,\"ram\":1048576,\"disk\":1048576}}";
  private static final JobPath JOB = JobPath.parse("c/r/e/j");

  @TempDir
  Path dir;

  @Test
  void anIdlJob_withAThermosTask_writesAsAnAuroraJob_thatReadsBackTheSame() throws Exception {
    JobPath hello = JobPath.parse("local/www/prod/hello");
    JobFile idl = JobFiles.read(Path.of("..", "docs", "examples", "hello-world.json"), hello);

    String written = AuroraJobJson.write(idl, hello);

    JsonNode job = JSON.readTree(written);
    assertThat(job.get("cluster").asText()).isEqualTo("local");
    assertThat(job.get("role").asText()).isEqualTo("www");
    assertThat(job.at("/task/resources/ram").longValue()).isEqualTo(32L * 1024 * 1024);
    assertThat(job.at("/task/processes/0/cmdline").asText())
        .isEqualTo("echo hello world; sleep 60; echo bye");
    JobFile back = JobFiles.read(write(dir, "back.json", written), hello);
    TaskConfig before = idl.job().getTaskConfig();
    TaskConfig after = back.job().getTaskConfig();
    assertThat(after.getResources()).isEqualTo(before.getResources());
    assertThat(after.isIsService()).isEqualTo(before.isIsService());
    assertThat(back.job().getInstanceCount()).isEqualTo(idl.job().getInstanceCount());
  }

  @Test
  void everyChoice_roundTrips() throws Exception {
    for (String extra : List.of(
        "\"container\":{\"docker\":{\"image\":\"app:1\",\"parameters\":[{\"name\":\"env\","
            + "\"value\":\"A=1\"}]}},",
        "\"container\":{\"image\":\"app:2\"},",
        "\"container\":{\"image\":{\"name\":\"app\",\"tag\":\"3\"},\"volumes\":[{"
            + "\"container_path\":\"/data\",\"host_path\":\"/srv\",\"mode\":\"RO\"}]},",
        "\"container\":{\"image\":{\"name\":\"app\",\"image_id\":\"sha512-x\"}},",
        "\"sla_policy\":{\"coordinator_url\":\"http://coord\"},",
        "\"sla_policy\":{\"count\":2,\"duration_secs\":60},",
        "\"sla_policy\":{\"percentage\":95.5,\"duration_secs\":1800},",
        "\"partition_policy\":{\"delay_secs\":30},",
        "\"update_config\":{\"update_strategy\":{\"batch_sizes\":[1,2,5]},"
            + "\"pulse_interval_secs\":60,\"sla_aware\":true},",
        "\"update_config\":{\"update_strategy\":{\"batch_size\":3}},",
        "\"constraints\":{\"dedicated\":\"r/j\",\"host\":\"limit:1\",\"zone\":\"!a,b\"},"
            + "\"metadata\":[{\"key\":\"k\",\"value\":\"v\"}],\"contact\":\"me@x\",",
        "\"cron_schedule\":\"0 * * * *\",\"cron_collision_policy\":\"CANCEL_NEW\",")) {
      Path file = write(dir, "j.json", "{" + KEY + extra + TASK + "}");
      JobFile first = JobFiles.read(file, JOB);
      String written = AuroraJobJson.write(first, JOB);
      JobFile second = JobFiles.read(write(dir, "w.json", written), JOB);
      assertThat(second).as(extra).isEqualTo(first);
      assertThat(AuroraJobJson.write(second, JOB)).as(extra).isEqualTo(written);
    }
  }

  @Test
  void choices_convertToTheirThriftForms() throws Exception {
    assertThat(task("\"container\":{\"docker\":{\"image\":\"app:1\"}},").getContainer())
        .isEqualTo(Container.docker(new DockerContainer("app:1").setParameters(List.of())));
    assertThat(task("\"container\":{\"image\":\"app:2\",\"parameters\":[{\"name\":\"n\","
        + "\"value\":\"v\"}]},").getContainer()).isEqualTo(Container.docker(
            new DockerContainer("app:2").setParameters(List.of(new DockerParameter("n", "v")))));
    assertThat(task("\"container\":{\"image\":{\"name\":\"a\",\"tag\":\"1\"},\"volumes\":[{"
        + "\"container_path\":\"/c\",\"host_path\":\"/h\",\"mode\":\"RW\"}]},").getContainer())
        .isEqualTo(Container.mesos(new MesosContainer()
            .setImage(Image.docker(new DockerImage("a", "1")))
            .setVolumes(List.of(new Volume("/c", "/h", Mode.RW)))));
    assertThat(task("\"container\":{\"image\":{\"name\":\"a\",\"image_id\":\"i\"}},")
        .getContainer()).isEqualTo(Container.mesos(new MesosContainer()
            .setImage(Image.appc(new AppcImage("a", "i"))).setVolumes(List.of())));
    assertThat(task("\"sla_policy\":{\"coordinator_url\":\"http://c\"},").getSlaPolicy())
        .isEqualTo(SlaPolicy.coordinatorSlaPolicy(new CoordinatorSlaPolicy("http://c", "drain")));
    assertThat(task("\"sla_policy\":{\"count\":2,\"duration_secs\":60},").getSlaPolicy())
        .isEqualTo(SlaPolicy.countSlaPolicy(new CountSlaPolicy(2, 60)));
    assertThat(task("\"sla_policy\":{\"percentage\":95,\"duration_secs\":60},").getSlaPolicy())
        .isEqualTo(SlaPolicy.percentageSlaPolicy(new PercentageSlaPolicy(95.0, 60)));
    assertThat(task("\"partition_policy\":{},").getPartitionPolicy())
        .isEqualTo(new PartitionPolicy().setReschedule(true).setDelaySecs(0));
    assertThat(JobFiles.read(write(dir, "s.json", "{" + KEY + "\"update_config\":{"
        + "\"update_strategy\":{\"batch_sizes\":[1,2]},\"pulse_interval_secs\":90}," + TASK + "}"),
        JOB).updateConfig()).isEqualTo(new UpdateConfig(1, 45, 0, 0, true, false,
            OptionalInt.of(90), false,
            Optional.of(new UpdateConfig.VariableBatchStrategy(List.of(1, 2), false))));
  }

  @Test
  void choicesThatFitNothing_andALegacyContainerWithoutDocker_areErrors() throws Exception {
    assertThatThrownBy(() -> task("\"sla_policy\":{\"duration_secs\":60},"))
        .hasMessageContaining("sla_policy: fits none of CoordinatorSlaPolicy, CountSlaPolicy, "
            + "PercentageSlaPolicy");
    assertThatThrownBy(() -> task("\"container\":{},"))
        .hasMessageContaining("If a container is specified it must set one type.");
  }

  @Test
  void aJobWithoutAThermosTask_cannotBeWritten() {
    JobFile custom = new JobFile(new io.aurora.gen.JobConfiguration()
        .setKey(JOB.jobKey()).setInstanceCount(1).setTaskConfig(new TaskConfig()
            .setExecutorConfig(new ExecutorConfig("MyExecutor", "opaque"))), UpdateConfig.DEFAULTS);
    assertThatThrownBy(() -> AuroraJobJson.write(custom, JOB))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION))
        .hasMessage("cannot write r/e/j as Aurora's job JSON: its executor is not AuroraExecutor "
            + "with a Thermos task in its data");
  }

  @Test
  void anotherExecutor_isSentAsWritten() throws Exception {
    TaskConfig task = task("\"executor_config\":{\"name\":\"MyExecutor\",\"data\":\"{x}\"},");
    assertThat(task.getExecutorConfig()).isEqualTo(new ExecutorConfig("MyExecutor", "{x}"));
  }

  private TaskConfig task(String extra) throws Exception {
    return JobFiles.read(write(dir, "t.json", "{" + KEY + extra + TASK + "}"), JOB).job()
        .getTaskConfig();
  }
}
