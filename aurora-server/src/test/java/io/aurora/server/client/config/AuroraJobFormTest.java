package io.aurora.server.client.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.Constraint;
import io.aurora.gen.Container;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.GetTierConfigResult;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.LimitConstraint;
import io.aurora.gen.MesosContainer;
import io.aurora.gen.Metadata;
import io.aurora.gen.Resource;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import io.aurora.gen.TierConfig;
import io.aurora.gen.ValueConstraint;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.config.jobschema.PythonJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Aurora's job JSON against golden files: the reference's minimal job and its {@code
 * --write-json} output, and the shapes of Aurora's examples (a hello-world service, a cron job, a
 * job with health checks and update_config) in {@code docs/examples}. Conversion is checked field
 * by field against what Aurora's client sends.
 */
class AuroraJobFormTest {
  static final Path JOBS = Path.of("src", "test", "resources", "client", "jobs");
  static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final String USER = System.getProperty("user.name");

  @Test
  void minimal_writesWhatAurorasClientWrites_byteForByte() throws Exception {
    JobPath path = JobPath.parse("dev/www-data/prod/hello");
    JobFile file = JobFiles.read(JOBS.resolve("minimal.json"), path);

    assertThat(AuroraJobJson.write(file, path))
        .isEqualTo(Files.readString(JOBS.resolve("minimal.write-json")));
  }

  @Test
  void minimal_convertsFieldByField() throws Exception {
    JobConfiguration job = JobFiles.read(JOBS.resolve("minimal.json"),
        JobPath.parse("dev/www-data/prod/hello")).job();

    JobKey key = new JobKey("www-data", "prod", "hello");
    TaskConfig expected = new TaskConfig()
        .setJob(key)
        .setOwner(new Identity().setUser(USER))
        .setIsService(false)
        .setPriority(0)
        .setMaxTaskFailures(1)
        .setProduction(false)
        .setTier("preemptible")
        .setResources(Set.of(Resource.numCpus(0.25), Resource.ramMb(64), Resource.diskMb(128)))
        .setConstraints(Set.of())
        .setTaskLinks(Map.of())
        .setMetadata(Set.of())
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor",
            Files.readString(JOBS.resolve("minimal.data"))))
        .setContainer(Container.mesos(new MesosContainer()));
    assertThat(job).isEqualTo(new JobConfiguration()
        .setKey(key)
        .setOwner(new Identity().setUser(USER))
        .setCronCollisionPolicy(CronCollisionPolicy.KILL_EXISTING)
        .setInstanceCount(1)
        .setTaskConfig(expected));
    assertThat(job.isSetCronSchedule()).isFalse();
    assertThat(job.getTaskConfig().isSetContactEmail()).isFalse();
  }

  @Test
  void theExamples_equalTheirHandWrittenMinimalForms() {
    for (String[] example : List.of(new String[] {"hello-world", "hello"},
        new String[] {"hello-cron", "hello-cron"}, new String[] {"hello-health", "hello-health"})) {
      JobPath path = JobPath.parse("local/www/prod/" + example[1]);
      JobFile full = JobFiles.read(EXAMPLES.resolve(example[0] + "-aurora.json"), path);
      JobFile minimal = JobFiles.read(JOBS.resolve(example[0] + ".min.json"), path);
      assertThat(full).as(example[0]).isEqualTo(minimal);
    }
  }

  @Test
  void theExamples_writeBackAsTheyAre() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String[] example : List.of(new String[] {"hello-world", "hello"},
        new String[] {"hello-cron", "hello-cron"}, new String[] {"hello-health", "hello-health"})) {
      Path file = EXAMPLES.resolve(example[0] + "-aurora.json");
      JobPath path = JobPath.parse("local/www/prod/" + example[1]);
      assertThat(AuroraJobJson.write(JobFiles.read(file, path), path)).as(example[0])
          .isEqualTo(PythonJson.dumps(json.readTree(Files.readString(file))));
    }
  }

  @Test
  void helloWorld_isAServiceOfOneInstance() {
    JobConfiguration job = read("hello-world-aurora.json", "local/www/prod/hello").job();
    assertThat(job.getTaskConfig().isIsService()).isTrue();
    assertThat(job.getInstanceCount()).isEqualTo(1);
    assertThat(job.getTaskConfig().getResources())
        .containsExactlyInAnyOrder(Resource.numCpus(0.1), Resource.ramMb(32), Resource.diskMb(32));
    assertThat(job.getTaskConfig().getExecutorConfig().getData())
        .contains("\"cmdline\": \"while true; do echo hello world; sleep 10; done\"")
        .doesNotContain("\"instances\"").doesNotContain("\"update_config\"");
  }

  @Test
  void helloCron_carriesItsScheduleAndPolicy() {
    JobFile file = read("hello-cron-aurora.json", "local/www/prod/hello-cron");
    assertThat(file.hasCronSchedule()).isTrue();
    assertThat(file.job().getCronSchedule()).isEqualTo("* * * * *");
    assertThat(file.job().getCronCollisionPolicy()).isEqualTo(CronCollisionPolicy.CANCEL_NEW);
    assertThat(file.job().getTaskConfig().isIsService()).isFalse();
  }

  @Test
  void helloHealth_portsConstraintsMetadataContactHealthChecksAndUpdateConfig() {
    JobFile file = read("hello-health-aurora.json", "local/www/prod/hello-health");
    TaskConfig task = file.job().getTaskConfig();

    assertThat(file.job().getInstanceCount()).isEqualTo(2);
    assertThat(task.getResources()).containsExactlyInAnyOrder(Resource.numCpus(0.25),
        Resource.ramMb(64), Resource.diskMb(128), Resource.namedPort("http"));
    assertThat(task.getConstraints()).containsExactlyInAnyOrder(
        new Constraint("host", TaskConstraint.limit(new LimitConstraint(2))),
        new Constraint("rack", TaskConstraint.value(new ValueConstraint(true, Set.of("r1", "r2")))));
    assertThat(task.getMetadata()).containsExactly(new Metadata("team", "www"));
    assertThat(task.getContactEmail()).isEqualTo("www-team@example.com");
    assertThat(task.getExecutorConfig().getData())
        .contains("\"health_check_config\": {\"health_checker\": {\"http\": {\"endpoint\": "
            + "\"/health\", \"expected_response\": \"ok\", \"expected_response_code\": 200}}, "
            + "\"initial_interval_secs\": 5.0, \"interval_secs\": 5.0, "
            + "\"max_consecutive_failures\": 3, \"min_consecutive_successes\": 1, "
            + "\"timeout_secs\": 2.0}")
        .contains("\"announce\": {\"primary_port\": \"http\", \"portmap\": {\"aurora\": \"http\"}}")
        .contains("{{thermos.ports[http]}}").contains("{{mesos.instance}}");
    assertThat(file.updateConfig()).isEqualTo(new UpdateConfig(1, 30, 0, 1, true, false,
        OptionalInt.empty(), false, Optional.of(new UpdateConfig.BatchStrategy(1, false))));
  }

  @Test
  void aJobsList_picksTheJobTheCommandLineNames_withBindings() {
    Bindings version = Bindings.parse(List.of("version=7"));
    JobConfiguration web = JobFiles.read(JOBS.resolve("two-jobs.json"),
        JobPath.parse("local/www/prod/web"), version, TierSource.STOCK).job();
    assertThat(web.getInstanceCount()).isEqualTo(3);
    assertThat(web.getTaskConfig().getExecutorConfig().getData())
        .contains("\"cmdline\": \"echo www/prod/web v7\"");

    JobConfiguration batch = JobFiles.read(JOBS.resolve("two-jobs.json"),
        JobPath.parse("local/www/devel/batch"), version, TierSource.STOCK).job();
    // name defaults to task.name, which defaults to the first process's name
    assertThat(batch.getKey()).isEqualTo(new JobKey("www", "devel", "batch"));
    assertThat(batch.getTaskConfig().getResources()).contains(Resource.numCpus(1.0));
  }

  @Test
  void tiers_areBackfilledFromTheSchedulersTiers() throws Exception {
    GetTierConfigResult tiers = new GetTierConfigResult("shared", Set.of(
        tier("shared", true, false), tier("dedicated", false, false), tier("spot", true, true)));
    Path dir = Files.createTempDirectory("tiers");
    Path production = write(dir, "p.json", "{\"role\":\"r\",\"environment\":\"e\","
        + "\"cluster\":\"c\",\"production\":true,\"task\":" + TASK + "}");
    Path spot = write(dir, "s.json", "{\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\","
        + "\"tier\":\"dedicated\",\"task\":" + TASK + "}");
    Path unknown = write(dir, "u.json", "{\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\","
        + "\"tier\":\"gold\",\"production\":true,\"task\":" + TASK + "}");
    JobPath path = JobPath.parse("c/r/e/p");

    TaskConfig p = JobFiles.read(production, path, Bindings.NONE, () -> tiers).job().getTaskConfig();
    assertThat(p.getTier()).isEqualTo("dedicated");
    assertThat(p.isProduction()).isTrue();
    assertThat(p.getExecutorConfig().getData()).contains("\"tier\": \"dedicated\"");

    TaskConfig s = JobFiles.read(spot, path, Bindings.NONE, () -> tiers).job().getTaskConfig();
    assertThat(s.isProduction()).as("production from the tier: not preemptible").isTrue();
    assertThat(s.getExecutorConfig().getData()).contains("\"production\": true");

    TaskConfig u = JobFiles.read(unknown, path, Bindings.NONE, () -> tiers).job().getTaskConfig();
    assertThat(u.getTier()).isEqualTo("gold");
    assertThat(u.isProduction()).as("unchanged for a tier the scheduler does not know").isTrue();

    TaskConfig none = JobFiles.read(write(dir, "n.json", "{\"role\":\"r\",\"environment\":\"e\","
        + "\"cluster\":\"c\",\"task\":" + TASK + "}"), path, Bindings.NONE, () -> tiers)
        .job().getTaskConfig();
    assertThat(none.getTier()).as("the only non-revocable preemptible tier").isEqualTo("shared");
  }

  /** A task named p with enough resources. */
  static final String TASK = "{\"processes\":[{\"name\":\"p\",\"cmdline\":\"true\"}],"
      + "\"resources\":{\"cpu\":1,\"ram\":1048576,\"disk\":1048576}}";

  private static TierConfig tier(String name, boolean preemptible, boolean revocable) {
    return new TierConfig(name, Map.of("preemptible", "" + preemptible,
        "revocable", "" + revocable));
  }

  static Path write(Path dir, String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static JobFile read(String example, String job) {
    return JobFiles.read(EXAMPLES.resolve(example), JobPath.parse(job));
  }
}
