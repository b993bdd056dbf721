package io.aurora.server.client.config;

import static io.aurora.server.client.config.AuroraJobFormTest.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.Resource;
import io.aurora.gen.TaskConfig;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way an Aurora job can be wrong: one line naming the file and the problem, exit 3. */
class AuroraJobErrorsTest {
  private static final JobPath JOB = JobPath.parse("c/r/e/p");
  private static final String KEY = "\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\"";

  @TempDir
  Path dir;

  @Test
  void unknownFields_areRejectedAsAurorasStrictReaderDoes() throws Exception {
    assertBad(job("\"instancez\":2,"), "Unknown schema attribute instancez (MesosJob has name, ");
    assertBad(file("{" + KEY + ",\"task\":{\"processes\":[{\"name\":\"p\",\"cmdline\":\"x\","
        + "\"cmd\":\"y\"}],\"resources\":{\"cpu\":1,\"ram\":1048576,\"disk\":1048576}}}"),
        "task.processes[0]: Unknown schema attribute cmd (Process has name, cmdline, ");
  }

  @Test
  void wrongTypes_nameThePath() throws Exception {
    assertBad(job("\"instances\":\"two\","), "instances: expected an integer, got \"two\"");
    assertBad(job("\"service\":\"maybe\","), "service: expected a boolean, got \"maybe\"");
    assertBad(job("\"constraints\":[\"host\"],"), "constraints: expected an object, got a list");
    assertBad(job("\"metadata\":{\"k\":\"v\"},"), "metadata: expected a list, got an object");
    assertBad(file("{" + KEY + ",\"task\":{\"processes\":[{\"name\":\"p\",\"cmdline\":\"x\"}],"
        + "\"resources\":{\"cpu\":\"lots\","
        + "\"ram\":1,\"disk\":1}}}"), "task.resources.cpu: expected a number, got \"lots\"");
  }

  @Test
  void missingPieces() throws Exception {
    assertBad(file("{\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\",\"name\":\"p\"}"),
        "task is required (MesosJob[task])");
    assertBad(file("{\"environment\":\"e\",\"cluster\":\"c\",\"name\":\"p\",\"task\":" + TASK
        + "}"), "Could not find job c/r/e/p (it defines c/{MISSING}/e/p)");
    assertBad(file("{" + KEY + ",\"task\":{\"processes\":[{\"name\":\"p\",\"cmdline\":\"x\"}]}}"),
        "Task must specify resources!");
    assertBad(file("{" + KEY + ",\"name\":\"p\",\"task\":{\"processes\":[],"
        + "\"resources\":{\"cpu\":1,\"ram\":1048576,\"disk\":1048576}}}"),
        "task.processes must list at least one process");
    assertBad(file("{" + KEY + ",\"task\":{\"processes\":[{\"name\":\"p\"}],"
        + "\"resources\":{\"cpu\":1,\"ram\":1048576,\"disk\":1048576}}}"),
        "task.processes[0].cmdline is required (Process[cmdline])");
  }

  @Test
  void resources_inBytes_flooredToMiB_andChecked() throws Exception {
    TaskConfig task = JobFiles.read(resources(0.5, 1048576L * 3 + 1, 1048576L * 5), JOB)
        .job().getTaskConfig();
    assertThat(task.getResources()).containsExactlyInAnyOrder(Resource.numCpus(0.5),
        Resource.ramMb(3), Resource.diskMb(5));
    assertBad(resources(1, 0, 1048576), "Must specify ram and disk resources, got ram:0 disk:1048576");
    assertBad(resources(1, 1048575, 1048576), "Task has invalid resources. cpu/ramMb/diskMb must "
        + "all be positive: cpu:1.0 ramMb:0 diskMb:1");
    assertBad(resources(0, 1048576, 1048576), "cpu:0.0 ramMb:1 diskMb:1");
  }

  @Test
  void gpus_becomeNumGpus_onlyWhenAsked() throws Exception {
    Path file = file("{" + KEY + ",\"task\":{\"processes\":[{\"name\":\"p\",\"cmdline\":\"x\"}],"
        + "\"resources\":{\"cpu\":1,\"ram\":1048576,\"disk\":1048576,\"gpu\":2}}}");
    assertThat(JobFiles.read(file, JOB).job().getTaskConfig().getResources())
        .contains(Resource.numGpus(2));
  }

  @Test
  void processesAndPlans() throws Exception {
    assertBad(process("{\"name\":\".hidden\",\"cmdline\":\"x\"}"),
        "task.processes[0].name: '.hidden' is not a valid process name");
    assertBad(process("{\"name\":\"a/b\",\"cmdline\":\"x\"}"), "'a/b' is not a valid process name");
    assertBad(process("{\"name\":\"p\",\"cmdline\":\"x\"},{\"name\":\"p\",\"cmdline\":\"y\"}"),
        "task.processes: two processes are called 'p'");
    assertBad(file("{" + KEY + ",\"task\":{\"name\":\"p\",\"processes\":[{\"name\":\"a\","
        + "\"cmdline\":\"x\"}],\"constraints\":[{\"order\":[\"a\",\"b\"]}],\"resources\":"
        + "{\"cpu\":1,\"ram\":1048576,\"disk\":1048576}}}"),
        "Task has invalid plan: the ordering [\"a\",\"b\"] names 'b'");
    assertBad(file("{" + KEY + ",\"task\":{\"name\":\"p\",\"processes\":[{\"name\":\"a\","
        + "\"cmdline\":\"x\"},{\"name\":\"b\",\"cmdline\":\"y\"}],\"constraints\":"
        + "[{\"order\":[\"a\",\"b\"]},{\"order\":[\"b\",\"a\"]}],\"resources\":"
        + "{\"cpu\":1,\"ram\":1048576,\"disk\":1048576}}}"),
        "Task has invalid plan: its process orderings form a cycle");
  }

  @Test
  void negativeHealthCheckTimings() throws Exception {
    assertBad(job("\"health_check_config\":{\"interval_secs\":-1},"),
        "health_check_config.interval_secs must not be negative, got -1.0");
    assertBad(job("\"health_check_config\":{\"max_consecutive_failures\":-2},"),
        "health_check_config.max_consecutive_failures must not be negative, got -2");
  }

  @Test
  void keysAndPolicies() throws Exception {
    assertBad(job("\"cron_collision_policy\":\"SOMETIMES\","), "Invalid cron_collision_policy "
        + "'SOMETIMES' (one of [KILL_EXISTING, CANCEL_NEW, RUN_OVERLAP])");
    assertThat(JobFiles.read(job("\"cron_collision_policy\":\"cancel_new\","), JOB).job()
        .getCronCollisionPolicy()).hasToString("CANCEL_NEW");
    assertBad(job("\"constraints\":{\"rack\":\"limit:many\"},"),
        "constraints[rack]: 'limit:many' is not limit:N with an integer N");
    assertBad(file("{\"jobs\":[]}"), "No job defined in this config!");
    assertBad(file("{\"jobs\":[{" + KEY + ",\"task\":" + TASK + "},{" + KEY + ",\"task\":" + TASK
        + "}]}"), "Multiple jobs match c/r/e/p");
    assertBad(file("{\"jobs\":{\"a\":1}}"), "jobs: expected a list of jobs");
  }

  @Test
  void staticPorts_needADedicatedJob_andPortmapsMayNotCycle() throws Exception {
    String announce = "\"announce\":{\"portmap\":{\"http\":\"8080\"}},";
    assertBad(job(announce), "Job must be dedicated in order to specify static ports!");
    TaskConfig dedicated = JobFiles.read(job(announce
        + "\"constraints\":{\"dedicated\":\"r/p\"},"), JOB).job().getTaskConfig();
    assertThat(dedicated.getResources()).as("aurora -> http -> 8080: nothing to allocate")
        .noneMatch(Resource::isSetNamedPort);
    assertBad(job("\"announce\":{\"portmap\":{\"a\":\"b\",\"b\":\"a\"}},"),
        "announce.portmap has a cycle: ");
  }

  @Test
  void unboundReferences_areNamed() throws Exception {
    assertBad(file("{" + KEY + ",\"task\":{\"processes\":[{\"name\":\"p\","
        + "\"cmdline\":\"echo {{cpu}} {{profile.version}}\"}],\"resources\":{\"cpu\":1,"
        + "\"ram\":1048576,\"disk\":1048576}}}"),
        "unbound variable {{profile.version}} (give a value with --bind NAME=VALUE)");
    assertBad(file("{" + KEY + ",\"task\":{\"processes\":[{\"name\":\"p\","
        + "\"cmdline\":\"echo {{cpu}}\"}],\"resources\":{\"cpu\":1,"
        + "\"ram\":1048576,\"disk\":1048576}}}"), "unbound variable {{cpu}}");
    assertBad(job("\"container\":{\"docker\":{\"image\":\"{{docker.image[app][1.0]}}\"}},"),
        "{{docker.image[app][1.0]}} asks Aurora's client to look the image up in a Docker "
            + "registry, which bin/aurora does not do");
    assertBad(job("\"contact\":\"{{contact}}\","), "references nest more than 32 deep");
  }

  @Test
  void notJson_orEmpty() throws Exception {
    assertBad(file("{\"role\": "), "not valid JSON");
    assertBad(file(""), "is empty");
  }

  private Path job(String fields) throws Exception {
    return file("{" + fields + KEY + ",\"task\":" + TASK + "}");
  }

  private Path process(String processes) throws Exception {
    return file("{" + KEY + ",\"name\":\"p\",\"task\":{\"processes\":[" + processes + "],"
        + "\"resources\":{\"cpu\":1,\"ram\":1048576,\"disk\":1048576}}}");
  }

  private Path resources(double cpu, long ram, long disk) throws Exception {
    return file("{" + KEY + ",\"task\":{\"processes\":[{\"name\":\"p\",\"cmdline\":\"x\"}],"
        + "\"resources\":{\"cpu\":" + cpu + ",\"ram\":" + ram + ",\"disk\":" + disk + "}}}");
  }

  private int files;

  private Path file(String text) throws Exception {
    Path file = dir.resolve("job" + (files++) + ".json");
    Files.writeString(file, text);
    return file;
  }

  private void assertBad(Path file, String message) {
    assertThatThrownBy(() -> JobFiles.read(file, JOB))
        .isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION))
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

}
