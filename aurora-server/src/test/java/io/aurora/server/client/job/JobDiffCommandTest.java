package io.aurora.server.client.job;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static io.aurora.server.client.job.JobFixtures.HELLO;
import static io.aurora.server.client.job.JobFixtures.JOB;
import static io.aurora.server.client.job.JobFixtures.PATH;
import static io.aurora.server.client.job.JobFixtures.task;
import static io.aurora.server.client.job.JobFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.ConfigGroup;
import io.aurora.gen.GetJobUpdateDiffResult;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.PopulateJobResult;
import io.aurora.gen.Range;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.server.client.ClientHarness;
import io.aurora.server.client.cli.JobPath;
import io.aurora.server.client.config.JobFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code job diff}: the scheduler's diff of a service job, the client's of a batch job. */
class JobDiffCommandTest {
  private final ClientHarness client = new ClientHarness();
  @TempDir Path tmp;
  private Path file;
  /** The file's task config as the scheduler completes it. */
  private TaskConfig proposed;
  /** The config instances 0, 1 and 3 run. */
  private TaskConfig running;

  @BeforeEach
  void writeServiceJob() throws Exception {
    file = Files.writeString(tmp.resolve("web.json"), """
        {"instanceCount": 3, "taskConfig": {"isService": true, "priority": 0,
          "maxTaskFailures": 1, "resources": [{"numCpus": 0.1}, {"ramMb": 32}, {"diskMb": 32}],
          "executorConfig": {"name": "AuroraExecutor", "data": {"task": {"name": "web",
            "processes": [{"name": "web", "cmdline": "echo v2"}]}}}}}
        """);
    proposed = JobFiles.read(file, JobPath.parse(PATH)).job().getTaskConfig()
        .setTier("preemptible");
    running = proposed.deepCopy().setPriority(1);
    running.getExecutorConfig().setData(
        running.getExecutorConfig().getData().replace("echo v2", "echo v1"));
  }

  private void scriptServiceDiff() {
    client.scheduler
        .answer("populateJobConfig",
            ok(Result.populateJobResult(new PopulateJobResult(proposed.deepCopy()))))
        .answer("getJobUpdateDiff", ok(Result.getJobUpdateDiffResult(new GetJobUpdateDiffResult(
            new HashSet<>(), groups(running, new Range(3, 3)), groups(running, new Range(0, 1)),
            groups(proposed, new Range(2, 2))))));
  }

  @Test
  void diff_ofAServiceJob_showsTheSchedulersDiffAndTheChangedFields() {
    scriptServiceDiff();

    assertThat(client.run("job", "diff", PATH, file.toString())).isZero();

    assertThat(client.out().lines()).containsExactly(
        "An update of " + PATH + " to " + file + " would change:",
        "CHANGE     INSTANCES",
        "update     0-1",
        "remove     3",
        "unchanged  2",
        "",
        "update 0-1:",
        "  priority",
        "    - 1",
        "    + 0",
        "  executorConfig.data.task.processes[0].cmdline",
        "    - \"echo v1\"",
        "    + \"echo v2\"");
    JobConfiguration populated =
        (JobConfiguration) client.scheduler.calls("populateJobConfig").get(0).arg(0);
    assertThat(populated.getKey()).isEqualTo(JOB);
    JobUpdateRequest request =
        (JobUpdateRequest) client.scheduler.calls("getJobUpdateDiff").get(0).arg(0);
    assertThat(request.getInstanceCount()).isEqualTo(3);
    assertThat(request.getTaskConfig().getJob()).isEqualTo(JOB);
    assertThat(request.getSettings().getUpdateOnlyTheseInstances()).isNullOrEmpty();
  }

  @Test
  void diff_ofSomeInstances_asksAboutThoseOnly() {
    scriptServiceDiff();

    assertThat(client.run("job", "diff", PATH + "/0-1,5", file.toString())).isZero();

    JobUpdateRequest request =
        (JobUpdateRequest) client.scheduler.calls("getJobUpdateDiff").get(0).arg(0);
    assertThat(request.getSettings().getUpdateOnlyTheseInstances())
        .containsExactlyInAnyOrder(new Range(0, 1), new Range(5, 5));
  }

  @Test
  void diff_writeJson_listsInstancesAndChanges() throws Exception {
    scriptServiceDiff();

    assertThat(client.run("job", "diff", PATH, file.toString(), "--write-json")).isZero();

    JsonNode diff = new ObjectMapper().readTree(client.out());
    assertThat(diff.get("job").asText()).isEqualTo(PATH);
    assertThat(diff.get("add")).isEmpty();
    assertThat(diff.get("remove").toString()).isEqualTo("[3]");
    assertThat(diff.get("unchanged").toString()).isEqualTo("[2]");
    JsonNode update = diff.get("update").get(0);
    assertThat(update.get("instances").toString()).isEqualTo("[0,1]");
    assertThat(update.get("changes").get(1).toString()).isEqualTo("{\"field\":"
        + "\"executorConfig.data.task.processes[0].cmdline\",\"before\":\"echo v1\","
        + "\"after\":\"echo v2\"}");
  }

  @Test
  void diff_ofABatchJob_isWorkedOutFromTheActiveTasks() {
    TaskConfig local = JobFiles.read(Path.of(HELLO), JobPath.parse(PATH)).job().getTaskConfig();
    TaskConfig old = local.deepCopy().setMaxTaskFailures(5);
    client.scheduler
        .answer("populateJobConfig", ok(Result.populateJobResult(new PopulateJobResult(local))))
        .answer("getTasksStatus", tasks(withConfig(task(0, ScheduleStatus.RUNNING), old),
            withConfig(task(1, ScheduleStatus.RUNNING), old)));

    assertThat(client.run("job", "diff", PATH, HELLO)).isZero();

    assertThat(client.out().lines()).containsExactly(
        "An update of " + PATH + " to " + HELLO + " would change:",
        "CHANGE  INSTANCES",
        "update  0",
        "remove  1",
        "",
        "update 0:",
        "  maxTaskFailures",
        "    - 5",
        "    + 1");
    assertThat(client.scheduler.calls("getJobUpdateDiff")).isEmpty();
  }

  @Test
  void diff_aFileTheSchedulerRefuses_exitsThree() {
    client.scheduler.answer("populateJobConfig", response(ResponseCode.INVALID_REQUEST, null,
        "Task must have a positive numCpus"));

    assertThat(client.run("job", "diff", PATH, file.toString())).isEqualTo(3);

    assertThat(client.err()).isEqualTo("aurora: the scheduler refuses " + file
        + ": INVALID_REQUEST: Task must have a positive numCpus\n");
  }

  @Test
  void diff_theSchedulerCannotDiff_exitsFour() {
    client.scheduler
        .answer("populateJobConfig", ok(Result.populateJobResult(new PopulateJobResult(proposed))))
        .answer("getJobUpdateDiff", response(ResponseCode.INVALID_REQUEST, null,
            "settings.updateOnlyTheseInstances: instance 9 is neither active nor proposed"));

    assertThat(client.run("job", "diff", PATH + "/9", file.toString())).isEqualTo(4);

    assertThat(client.err()).isEqualTo("aurora: the scheduler cannot work out the diff: "
        + "INVALID_REQUEST: settings.updateOnlyTheseInstances: instance 9 is neither active nor "
        + "proposed\n");
  }

  private static Set<ConfigGroup> groups(TaskConfig config, Range... ranges) {
    return new HashSet<>(List.of(
        new ConfigGroup(config.deepCopy(), new HashSet<>(List.of(ranges)))));
  }

  private static ScheduledTask withConfig(ScheduledTask task, TaskConfig config) {
    task.getAssignedTask().setTask(config.deepCopy());
    return task;
  }
}
