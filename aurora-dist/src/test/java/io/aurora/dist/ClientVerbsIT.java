package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.api.Tasks;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobKey;
import io.aurora.gen.TaskQuery;
import io.aurora.server.bench.failover.ChildProcess;
import io.aurora.server.bench.failover.ClusterApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every job verb of {@code bin/aurora} from the unzipped distribution, against one {@code
 * bin/aurora-scheduler} with its embedded ZooKeeper and Mesos master, whose local agent runs each
 * task as a real process: inspect, create (waiting until running), status and list (tables and
 * JSON), diff (table and JSON), add, restart, task list, kill, open, a pending job's reason, and
 * killall, with the exit statuses of a few mistakes; then {@code admin set-quota} and
 * {@code quota get} (table and JSON). Each command is a fresh client JVM, as a
 * user runs it; its stdout and stderr are checked apart.
 */
class ClientVerbsIT {
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final String WEB = "local/www/prod/web";
  private static final String HUGE = "local/www/prod/huge";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path home;
  private String url;
  private int runs;

  /** How a client command ended. */
  record Run(int exit, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @Test
  void everyJobVerb_fromTheDistribution_againstALocalScheduler() throws Exception {
    long begin = System.nanoTime();
    home = DistZip.unpack(tmp);
    Path data = tmp.resolve("data");
    LocalScheduler local = LocalScheduler.start(home, data, "local");
    url = local.url();
    ChildProcess scheduler = local.process();
    try {
      await("the scheduler to lead").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
          .until(() -> status(url + "/leaderhealth") == 200);
      System.out.printf("ClientVerbsIT: scheduler leads after %d ms%n", millisSince(begin));
      verbs();
    } catch (Throwable t) {
      throw new AssertionError(t + "\nscheduler output:\n" + scheduler.tail(60), t);
    } finally {
      cleanUp();
      scheduler.kill();
    }
    System.out.printf("ClientVerbsIT took %d ms (%d client runs)%n", millisSince(begin), runs);
  }

  private void verbs() throws Exception {
    Path v1 = jobFile("web-v1.json", 2, 0.01, "exec sleep 601");
    Path v2 = jobFile("web-v2.json", 2, 0.01, "exec sleep 602");
    Path huge = jobFile("huge.json", 1, 1000, "exec sleep 603");
    String page = url + "/scheduler/www/prod/web";

    // inspect reads the file alone; --write-json is a job file create reads back.
    Run inspect = ok("job", "inspect", WEB, v1.toString());
    assertThat(inspect.lines()).contains("Job " + WEB, "  kind:              service",
        "  instances:         2", "Task web", "  Process web:", "    exec sleep 601");
    // In Aurora's job JSON (what its client writes with --write-json).
    JsonNode written = JSON.readTree(ok("job", "inspect", WEB, v1.toString(), "--write-json").out);
    assertThat(written.get("name").asText()).isEqualTo("web");
    assertThat(written.get("role").asText()).isEqualTo("www");
    assertThat(written.get("instances").asInt()).isEqualTo(2);
    assertThat(written.get("service").asBoolean()).isTrue();
    assertThat(aurora("job", "inspect", WEB, "no-such.json").exit()).isEqualTo(3);

    // create waits until both instances run, then prints the job's page.
    Run create = ok("job", "create", WEB, v1.toString(), "--wait-until=RUNNING");
    assertThat(create.lines()).endsWith("created www/prod/web", page);
    assertThat(create.out).contains(WEB + ": waiting until running: 2 RUNNING");

    Run status = ok("job", "status", WEB);
    assertThat(status.lines()).hasSize(4);
    assertThat(status.lines().get(0)).isEqualTo("www/prod/web: 2 RUNNING");
    assertThat(status.lines().get(1)).matches(
        "INSTANCE +STATUS +HOST +IN STATE +FAILURES +PENDING REASON");
    assertThat(status.lines().get(2)).matches("0 +RUNNING +\\S+ +\\d+s +0 +-");
    assertThat(status.lines().get(3)).matches("1 +RUNNING +\\S+ +\\d+s +0 +-");
    Map<Integer, String> before = taskIds(WEB);
    assertThat(before).containsOnlyKeys(0, 1);

    assertThat(ok("job", "list", "local/www").out).isEqualTo(WEB + "\n");
    assertThat(ok("job", "list", "local/www/prod", "--long").lines().get(1))
        .matches(WEB + " +service +2 +0 +2 +0 +0 +- +-");
    JsonNode list = JSON.readTree(ok("job", "list", "local", "--write-json").out);
    assertThat(list.get(0).get("job").asText()).isEqualTo(WEB);
    assertThat(list.get(0).get("tasks").get("active").asInt()).isEqualTo(2);

    // diff: the scheduler's diff, and the one field v2 changes.
    Run diff = ok("job", "diff", WEB, v2.toString());
    assertThat(diff.lines()).containsExactly(
        "An update of " + WEB + " to " + v2 + " would change:",
        "CHANGE  INSTANCES",
        "update  0-1",
        "",
        "update 0-1:",
        "  executorConfig.data.task.processes[0].cmdline",
        "    - \"exec sleep 601\"",
        "    + \"exec sleep 602\"");
    JsonNode diffJson = JSON.readTree(ok("job", "diff", WEB + "/1", v2.toString(),
        "--write-json").out);
    assertThat(diffJson.get("update").get(0).get("instances").toString()).isEqualTo("[1]");
    assertThat(diffJson.get("unchanged").toString()).isEqualTo("[0]");

    Run add = ok("job", "add", WEB + "/0", "1", "--wait-until=RUNNING");
    assertThat(add.lines()).last().isEqualTo("added " + WEB + "/2");

    // restart replaces the tasks of 0 and 1 (one batch), not 2's.
    Map<Integer, String> beforeRestart = taskIds(WEB);
    Run restart = ok("job", "restart", WEB + "/0-1", "--batch-size=2", "--watch-secs=1",
        "--healthcheck-interval-seconds=1");
    assertThat(restart.lines()).last().isEqualTo("restarted " + WEB + "/0-1");
    Map<Integer, String> after = taskIds(WEB);
    assertThat(after).containsOnlyKeys(0, 1, 2);
    assertThat(after.get(0)).isNotEqualTo(before.get(0));
    assertThat(after.get(1)).isNotEqualTo(before.get(1));
    assertThat(after.get(2)).isEqualTo(beforeRestart.get(2));

    Run tasks = ok("task", "list", WEB);
    assertThat(tasks.lines().get(0)).startsWith("INSTANCE  STATUS     HOST");
    assertThat(tasks.lines().stream().filter(l -> l.matches("\\d +RUNNING .*"))).hasSize(3);

    assertThat(ok("job", "kill", WEB + "/2").lines()).last().isEqualTo("killed " + WEB + "/2");
    Run notActive = aurora("job", "kill", WEB + "/7");
    assertThat(notActive.exit()).as("%s", notActive).isEqualTo(6);
    assertThat(notActive.err).isEqualTo(
        "aurora: none of instances 7 of " + WEB + " is active (active: 0-1)\n");

    assertThat(ok("job", "open", WEB).out).isEqualTo(page + "\n");

    // A job no agent can hold stays pending, and status says why.
    assertThat(ok("job", "create", HUGE, huge.toString()).lines()).first()
        .isEqualTo("created www/prod/huge");
    String reason = await("huge's pending reason").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500)).until(() -> pendingReason(HUGE), r -> !r.equals("-"));
    System.out.println("ClientVerbsIT: huge is pending: " + reason);
    JsonNode hugeJson = JSON.readTree(ok("job", "status", HUGE, "--write-json").out);
    assertThat(hugeJson.get(0).get("active").get(0).get("pendingReason").asText())
        .isEqualTo(reason);
    assertThat(ok("job", "killall", HUGE, "--no-batching").out).endsWith("killed " + HUGE + "\n");

    Run killall = ok("job", "killall", WEB, "--batch-size=2");
    assertThat(killall.lines()).last().isEqualTo("killed " + WEB + "/0-1");
    Run ended = ok("job", "status", WEB);
    assertThat(ended.lines().get(0)).startsWith("www/prod/web: ").doesNotContain("RUNNING");
    assertThat(ended.lines().subList(2, ended.lines().size()))
        .allMatch(l -> l.matches("\\d +KILLED .*"));
    hostVerbs(status.lines().get(2).split(" +")[2]);

    Run none = aurora("job", "status", "local/www/prod/nothing");
    assertThat(none.exit()).isEqualTo(6);
    assertThat(none.err).isEqualTo("aurora: found no job matching local/www/prod/nothing\n");

    quota();
    clusterNameForm();
  }

  /**
   * {@code admin set-quota} stores a role's quota; {@code quota get} shows it (the jobs above are
   * of the default, non-production tier, so nothing is consumed), as a table and as JSON.
   */
  private void quota() throws Exception {
    assertThat(ok("admin", "set-quota", "local/www", "2.5", "4GB", "10GB").out)
        .isEqualTo("set the quota of role www in local to 2.5 cores, 4GB RAM, 10GB disk\n");
    assertThat(ok("quota", "get", "local/www").lines()).containsExactly(
        "Quota of role www in local:",
        "RESOURCE  QUOTA      PROD CONSUMPTION  FREE",
        "CPU       2.5 cores  0 cores           2.5 cores",
        "RAM       4GB        0MB               4GB",
        "Disk      10GB       0MB               10GB");
    JsonNode json = JSON.readTree(ok("quota", "get", "local/www", "--write-json").out);
    Map<String, Double> quota = new HashMap<>();
    json.get("quota").get("resources").forEach(r -> r.fields()
        .forEachRemaining(f -> quota.put(f.getKey(), f.getValue().asDouble())));
    assertThat(quota).containsExactlyInAnyOrderEntriesOf(
        Map.of("numCpus", 2.5, "ramMb", 4096.0, "diskMb", 10240.0));
  }

  /**
   * Host maintenance on the agent's host, which runs nothing any more: announced, drained at once
   * (an SLA drain of an empty host has nothing to wait for), shown, returned to service.
   */
  private void hostVerbs(String host) throws Exception {
    String ghost = "ghost.example";
    int both = Math.max(host.length(), ghost.length());
    assertThat(ok("host", "start-maintenance", "local", host, ghost).lines()).containsExactly(
        row(both, "HOST", "MODE"), row(both, host, "SCHEDULED"),
        row(both, ghost, "unknown to the scheduler (skipped)"));
    Run drain = ok("host", "sla-drain", "local", host, "--count", "1", "--timeout-secs", "60");
    assertThat(drain.lines()).last().isEqualTo("drained: " + host);
    int one = host.length();
    assertThat(ok("host", "status", "local", host).lines()).last()
        .isEqualTo(row(one, host, "DRAINED"));
    assertThat(ok("host", "end", "local", host).lines()).last().isEqualTo(row(one, host, "NONE"));
  }

  /** A row of the client's HOST/MODE table whose widest host name has {@code width} chars. */
  private static String row(int width, String host, String mode) {
    return String.format("%-" + (Math.max(width, "HOST".length()) + 2) + "s%s", host, mode);
  }

  /**
   * No --scheduler: a clusters.json (found through AURORA_CONFIG_ROOT) names the scheduler of the
   * cluster "local" (not on the default port, so the file is what finds it); the job file is the
   * distribution's example in Aurora's exported JSON.
   */
  private void clusterNameForm() throws Exception {
    Path etc = Files.createDirectories(tmp.resolve("etc"));
    Files.writeString(etc.resolve("clusters.json"),
        "[{\"name\": \"local\", \"scheduler_uri\": \"" + url + "\"}]");
    String example = home.resolve("examples/jobs/hello-world-aurora.json").toString();

    Run listed = viaClusters(etc, "config", "list", example);
    assertThat(listed.exit()).as("%s", listed).isZero();
    assertThat(listed.out).isEqualTo("jobs=[local/www/prod/hello]\n");
    Run created = viaClusters(etc, "job", "create", "local/www/prod/hello", example,
        "--wait-until=RUNNING");
    assertThat(created.exit()).as("%s", created).isZero();
    Run status = viaClusters(etc, "job", "status", "local/www/prod/hello");
    assertThat(status.exit()).as("%s", status).isZero();
    assertThat(status.lines().get(0)).isEqualTo("www/prod/hello: 1 RUNNING");
    Run killed = viaClusters(etc, "job", "killall", "local/www/prod/hello");
    assertThat(killed.exit()).as("%s", killed).isZero();
    Run unknown = viaClusters(etc, "job", "status", "nowhere/www/prod/hello");
    assertThat(unknown.exit()).isEqualTo(3);
    assertThat(unknown.err).contains("nowhere").contains("clusters.json");
  }

  /** The reason column of the first row of {@code job status}. */
  private String pendingReason(String job) throws Exception {
    Run status = ok("job", "status", job);
    Matcher row = Pattern.compile("0 +PENDING +- +\\S+ +0 +(.+)").matcher(status.lines().get(2));
    assertThat(row.matches()).as("%s", status).isTrue();
    return row.group(1);
  }

  /** Each instance's active task id, from {@code job status --write-json}. */
  private Map<Integer, String> taskIds(String job) throws Exception {
    Map<Integer, String> ids = new HashMap<>();
    for (JsonNode task : JSON.readTree(ok("job", "status", job, "--write-json").out)
        .get(0).get("active")) {
      ids.put(task.get("assignedTask").get("instanceId").asInt(),
          task.get("assignedTask").get("taskId").asText());
    }
    return ids;
  }

  /** Runs {@code bin/aurora --scheduler=URL ARGS}, which must exit 0. */
  private Run ok(String... args) throws Exception {
    Run run = aurora(args);
    assertThat(run.exit()).as("aurora %s: %s", String.join(" ", args), run).isZero();
    return run;
  }

  private Run aurora(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/aurora").toString(),
        "--scheduler=" + url));
    command.addAll(List.of(args));
    return run(command, Map.of());
  }

  /** Runs {@code bin/aurora ARGS} with the clusters.json under {@code configRoot}. */
  private Run viaClusters(Path configRoot, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/aurora").toString()));
    command.addAll(List.of(args));
    return run(command, Map.of("AURORA_CONFIG_ROOT", configRoot.toString()));
  }

  private Run run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    int n = ++runs;
    Path out = tmp.resolve("aurora-" + n + ".out");
    Path err = tmp.resolve("aurora-" + n + ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    pb.environment().remove("AURORA_SCHEDULER_URL");
    pb.environment().putAll(env);
    Process process = pb.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end within 120 s");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path jobFile(String name, int instances, double cpus, String cmdline)
      throws IOException {
    Path file = Files.createDirectories(tmp.resolve("jobs")).resolve(name);
    return Files.writeString(file, """
        {
          "instanceCount": %d,
          "taskConfig": {
            "isService": true,
            "priority": 0,
            "maxTaskFailures": 1,
            "resources": [{"numCpus": %s}, {"ramMb": 1}, {"diskMb": 1}],
            "executorConfig": {
              "name": "AuroraExecutor",
              "data": {"task": {"name": "web",
                  "processes": [{"name": "web", "cmdline": "%s"}]}}
            }
          }
        }
        """.formatted(instances, cpus, cmdline));
  }

  /**
   * Kills whatever the test left running (after a failure), so that no task process outlives the
   * scheduler whose agent started it.
   */
  private void cleanUp() {
    try {
      AuroraAdmin.Client api = ClusterApi.client(url, Duration.ofSeconds(10));
      for (String name : List.of("web", "huge")) {
        api.killTasks(new JobKey("www", "prod", name), null, "test cleanup");
      }
      await("no active task left").atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(250)).until(() -> api.getTasksWithoutConfigs(
              new TaskQuery().setRole("www").setStatuses(Set.copyOf(Tasks.ACTIVE_STATES)))
              .getResult().getScheduleStatusResult().getTasks().isEmpty());
    } catch (Exception | AssertionError e) {
      System.out.println("ClientVerbsIT: cleanup: " + e);
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static int status(String uri) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
