package io.aurora.server.client;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.BatchJobUpdateStrategy;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.GetTierConfigResult;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.Result;
import io.aurora.gen.StartJobUpdateResult;
import io.aurora.gen.TierConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verbs that read job files, given Aurora's job JSON: the tiers are asked for, {@code
 * --bind} fills the file, {@code update_config} gives update start its defaults; and {@code
 * config list}.
 */
class AuroraFormVerbsTest {
  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final Path JOBS = Path.of("src", "test", "resources", "client", "jobs");
  private final ClientHarness client = new ClientHarness();

  @TempDir
  Path dir;

  @Test
  void updateStart_takesItsDefaultsFromUpdateConfig_afterAskingForTheTiers() {
    client.scheduler.answer("getTierConfigs", tiers());
    client.scheduler.answer("startJobUpdate", ok(Result.startJobUpdateResult(
        new StartJobUpdateResult(new JobUpdateKey(new JobKey("www", "prod", "hello-health"),
            "u-1")))));

    int exit = client.run("update", "start", "local/www/prod/hello-health",
        EXAMPLES.resolve("hello-health-aurora.json").toString(), "--read-json");

    assertThat(exit).as(client.err()).isEqualTo(0);
    assertThat(client.scheduler.calls()).extracting(ScriptedScheduler.Call::method)
        .containsExactly("getTierConfigs", "startJobUpdate");
    JobUpdateRequest request =
        (JobUpdateRequest) client.scheduler.calls("startJobUpdate").get(0).arg(0);
    assertThat(request.getInstanceCount()).isEqualTo(2);
    // An exported job carries the tier Aurora's client backfilled when it wrote the file.
    assertThat(request.getTaskConfig().getTier()).isEqualTo("preemptible");
    assertThat(request.getTaskConfig().isProduction()).isFalse();
    assertThat(request.getSettings()).isEqualTo(new JobUpdateSettings()
        .setUpdateGroupSize(1).setMaxPerInstanceFailures(0).setMaxFailedInstances(1)
        .setMinWaitInInstanceRunningMs(30_000).setRollbackOnFailure(true)
        .setWaitForBatchCompletion(false).setSlaAware(false)
        .setUpdateStrategy(JobUpdateStrategy.batchStrategy(new BatchJobUpdateStrategy(1, false))));
  }

  @Test
  void updateStart_flagsStillWin_andABatchSizeBesideAStrategyIsAmbiguous() {
    client.scheduler.answer("getTierConfigs", tiers());
    int exit = client.run("update", "start", "local/www/prod/hello-health",
        EXAMPLES.resolve("hello-health-aurora.json").toString(), "--batch-size=2");
    assertThat(exit).isEqualTo(3);
    assertThat(client.err()).startsWith("aurora: Ambiguous update configuration: ")
        .hasLineCount(1);
    assertThat(client.scheduler.calls("startJobUpdate")).isEmpty();
  }

  @Test
  void updateStart_aJobTheFileDoesNotDefine_isExitThree() {
    client.scheduler.answer("getTierConfigs", tiers());
    String file = EXAMPLES.resolve("hello-world-aurora.json").toString();
    assertThat(client.run("update", "start", "local/www/prod/other", file)).isEqualTo(3);
    assertThat(client.err()).isEqualTo("aurora: " + file + ": Could not find job "
        + "local/www/prod/other (it defines local/www/prod/hello)\n");
  }

  @Test
  void cronSchedule_bindsAndSendsTheConvertedJob() throws Exception {
    Path file = dir.resolve("nightly.json");
    Files.writeString(file, Files.readString(EXAMPLES.resolve("hello-cron-aurora.json"))
        .replace("\"* * * * *\"", "\"{{when}}\""));
    client.scheduler.answer("getTierConfigs", tiers());
    client.scheduler.answer("scheduleCronJob", ok(null));

    assertThat(client.run("cron", "schedule", "local/www/prod/hello-cron", file.toString(),
        "--bind", "when=0 3 * * *")).as(client.err()).isEqualTo(0);

    JobConfiguration sent =
        (JobConfiguration) client.scheduler.calls("scheduleCronJob").get(0).arg(0);
    assertThat(sent.getCronSchedule()).isEqualTo("0 3 * * *");
    assertThat(sent.getCronCollisionPolicy()).isEqualTo(CronCollisionPolicy.CANCEL_NEW);
    assertThat(sent.getTaskConfig().getExecutorConfig().getData())
        .contains("\"cron_schedule\": \"0 3 * * *\"");
  }

  @Test
  void anUnboundName_isExitThree_beforeAnyCall() {
    String file = JOBS.resolve("two-jobs.json").toString();
    assertThat(client.run("cron", "schedule", "local/www/prod/web", file)).isEqualTo(3);
    assertThat(client.err()).isEqualTo("aurora: " + file + ": unbound variable {{version}} "
        + "(give a value with --bind NAME=VALUE)\n");
    assertThat(client.scheduler.calls()).isEmpty();
    assertThat(new ClientHarness().run("cron", "schedule", "local/www/prod/web", file,
        "--bind=version")).isEqualTo(2);
  }

  @Test
  void configList_printsEveryJobAsAurorasClientDoes() {
    assertThat(client.run("config", "list", JOBS.resolve("two-jobs.json").toString(),
        "--bind", "version=1")).isEqualTo(0);
    assertThat(client.out()).isEqualTo("jobs=[local/www/prod/web, local/www/devel/batch]\n");
    assertThat(client.scheduler.calls()).isEmpty();

    ClientHarness one = new ClientHarness();
    assertThat(one.run("config", "list", EXAMPLES.resolve("hello-world-aurora.json").toString()))
        .isEqualTo(0);
    assertThat(one.out()).isEqualTo("jobs=[local/www/prod/hello]\n");
  }

  @Test
  void configList_ofAnIdlFileOrABadFile_exitsFourWithOneLine() throws Exception {
    String idl = EXAMPLES.resolve("hello-world.json").toString();
    assertThat(client.run("config", "list", idl)).isEqualTo(4);
    assertThat(client.err()).isEqualTo("aurora: " + idl + " is a JobConfiguration in the IDL's "
        + "JSON form, which names no cluster: the command line names its job\n");

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"jobs\": [{\"role\": \"r\", \"colour\": \"blue\"}]}");
    ClientHarness other = new ClientHarness();
    assertThat(other.run("config", "list", bad.toString())).isEqualTo(4);
    assertThat(other.err()).startsWith("aurora: " + bad + ": jobs[0]: Unknown schema attribute "
        + "colour").hasLineCount(1);
  }

  private static io.aurora.gen.Response tiers() {
    return ok(Result.getTierConfigResult(new GetTierConfigResult("shared", Set.of(
        new TierConfig("shared", Map.of("preemptible", "true", "revocable", "false")),
        new TierConfig("gold", Map.of("preemptible", "false", "revocable", "false"))))));
  }
}
