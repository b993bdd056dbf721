package io.aurora.server.client.job;

import static io.aurora.server.client.job.JobFixtures.HELLO;
import static io.aurora.server.client.job.JobFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobConfiguration;
import io.aurora.server.client.ClientHarness;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.config.JobFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code job inspect}: the job a file describes, for people and as JSON; no scheduler call. */
class JobInspectCommandTest {
  private final ClientHarness client = new ClientHarness();
  @TempDir Path tmp;

  @Test
  void inspect_showsTheJobAndItsThermosProcesses() {
    assertThat(client.run("job", "inspect", PATH, HELLO)).isZero();

    assertThat(client.out().lines()).containsExactly(
        "Job local/www/prod/hello",
        "  kind:              batch",
        "  instances:         1",
        "  owner:             www",
        "  priority:          0",
        "  max task failures: 1",
        "  resources:         0.1 cpus, 32 MB ram, 32 MB disk",
        "  container:         mesos",
        "  executor:          AuroraExecutor",
        "  update:            batch size 1, watch 45 s, rollback on failure",
        "  update failures:   up to 0 per instance, 0 failed instances",
        "",
        "Task hello",
        "  Process hello:",
        "    echo hello world; sleep 60; echo bye");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void inspect_aCronJobWithConstraints_showsTheScheduleAndRules() throws Exception {
    Path file = tmp.resolve("cron.json");
    Files.writeString(file, """
        {"instanceCount": 2, "cronSchedule": "0 2 * * *", "cronCollisionPolicy": "CANCEL_NEW",
         "taskConfig": {"isService": false, "priority": 5, "maxTaskFailures": 3,
          "tier": "preferred",
          "contactEmail": "ops@example.com",
          "resources": [{"numCpus": 1.5}, {"ramMb": 128}, {"diskMb": 64}, {"namedPort": "http"}],
          "constraints": [{"name": "host", "constraint": {"limit": {"limit": 1}}},
                          {"name": "zone", "constraint": {"value": {"negated": true,
                                                                    "values": ["b", "a"]}}}],
          "metadata": [{"key": "team", "value": "web"}],
          "container": {"docker": {"image": "nginx:1"}},
          "executorConfig": {"name": "custom", "data": "not json"}}}
        """);

    assertThat(client.run("job", "inspect", PATH, file.toString())).isZero();

    assertThat(client.out().lines()).containsExactly(
        "Job local/www/prod/hello",
        "  kind:              cron",
        "  instances:         2",
        "  cron schedule:     0 2 * * * (CANCEL_NEW)",
        "  owner:             www",
        "  contact:           ops@example.com",
        "  tier:              preferred",
        "  priority:          5",
        "  max task failures: 3",
        "  resources:         1.5 cpus, 128 MB ram, 64 MB disk, ports http",
        "  constraints:       host: limit 1; zone: not a,b",
        "  metadata:          team=web",
        "  container:         docker nginx:1",
        "  executor:          custom",
        "  update:            batch size 1, watch 45 s, rollback on failure",
        "  update failures:   up to 0 per instance, 0 failed instances");
  }

  @Test
  void inspect_writeJson_isOneLineOfAurorasJobJson_thatReadsBackAsTheSameJob() throws Exception {
    String aurora = Path.of(HELLO).resolveSibling("hello-world-aurora.json").toString();
    assertThat(client.run("job", "inspect", PATH, aurora, "--write-json")).isZero();

    // Aurora's --write-json form (what its client reads back with --read-json).
    assertThat(client.out()).hasLineCount(1)
        .startsWith("{\"name\": \"hello\", \"role\": \"www\", \"environment\": \"prod\"");
    Path written = Files.writeString(tmp.resolve("written.json"), client.out());
    JobPath job = JobPath.parse(PATH);
    JobConfiguration original = JobFiles.read(Path.of(aurora), job).job();
    assertThat(JobFiles.read(written, job).job()).isEqualTo(original);
  }

  @Test
  void inspect_aBadFile_exitsThree() {
    assertThat(client.run("job", "inspect", PATH, "no-such.json")).isEqualTo(3);
    assertThat(client.err()).isEqualTo("aurora: cannot read job file no-such.json: no such file\n");
  }
}
