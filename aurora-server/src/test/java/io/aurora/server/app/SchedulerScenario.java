package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.server.ServerCommandLine;
import io.aurora.server.ServerOptions;
import io.aurora.server.client.HttpThriftTransport;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * The daemon end to end, for any ZooKeeper: the full component (real log in a temp dir, real
 * ZooKeeper, the embedded Mesos master with one local agent running real processes), jobs created
 * over {@code /api} in TJSON and in TBinary, their tasks RUNNING with real output, killed to KILLED;
 * then a second scheduler process on the same log recovers the jobs.
 */
final class SchedulerScenario {
  /** How long a scenario step may take on a slow, shared machine. */
  static final Duration WAIT = Duration.ofSeconds(60);
  static final String BINARY = "application/vnd.apache.thrift.binary";
  static final String JSON = "application/vnd.apache.thrift.json";

  private SchedulerScenario() {}

  static void run(String zkConnect, Path dir) throws Exception {
    LocalMesosOptions mesosOptions = LocalMesosOptions.defaults(dir.resolve("mesos"))
        .withIntervals(Duration.ofSeconds(15), Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(2));
    try (LocalMesos mesos = LocalMesos.start(mesosOptions, Clock.systemUTC())) {
      Running first = Running.start(zkConnect, mesos.address(), dir, LifecycleState.ACTIVE);
      try {
        assertAdminPages(first.http);
        JobKey jsonJob = JobKeys.from("www", "prod", "hello-json");
        JobKey binaryJob = JobKeys.from("www", "prod", "hello-binary");
        AuroraAdmin.Client json = client(first.http, JSON);
        AuroraAdmin.Client binary = client(first.http, BINARY);
        assertOk(json.createJob(job(jsonJob)));
        assertOk(binary.createJob(job(binaryJob)));

        ScheduledTask running = awaitStatus(json, jsonJob, ScheduleStatus.RUNNING);
        awaitStatus(binary, binaryJob, ScheduleStatus.RUNNING);
        Path sandbox = mesos.sandbox(TaskID.newBuilder()
            .setValue(running.getAssignedTask().getTaskId()).build()).orElseThrow();
        await("hello in the sandbox").atMost(WAIT).until(() -> sandboxSays(sandbox, "hello"));
        assertThat(get(first.http, "/vars")).contains("framework_registered 1")
            .contains("task_store_RUNNING 2");

        // The Thrift TCP port serves the same service (framed binary).
        try (TTransport tcp = new TFramedTransport(
            new TSocket("127.0.0.1", first.lifecycle.thriftPort()))) {
          tcp.open();
          Response r = new AuroraAdmin.Client(new TBinaryProtocol(tcp)).getTasksStatus(
              TaskQueries.byJob(binaryJob).build());
          assertOk(r);
          assertThat(r.getResult().getScheduleStatusResult().getTasks())
              .extracting(t -> t.getStatus()).containsExactly(ScheduleStatus.RUNNING);
        }

        assertOk(json.killTasks(jsonJob, null, "test"));
        awaitStatus(json, jsonJob, ScheduleStatus.KILLED);
        assertOk(binary.killTasks(binaryJob, Set.of(0), "test"));
        awaitStatus(binary, binaryJob, ScheduleStatus.KILLED);
      } finally {
        first.stop();
      }

      // A restart recovers the jobs' tasks from the log.
      Running second = Running.start(zkConnect, mesos.address(), dir, LifecycleState.ACTIVE);
      try {
        Response r = client(second.http, BINARY).getTasksStatus(
            TaskQueries.byJob(JobKeys.from("www", "prod", "hello-json")).build());
        assertOk(r);
        assertThat(r.getResult().getScheduleStatusResult().getTasks())
            .extracting(t -> t.getStatus()).containsExactly(ScheduleStatus.KILLED);

        // A follower (its own replica) redirects leader-only pages to the leader.
        Running follower = Running.start(zkConnect, mesos.address(), dir.resolve("follower"),
            LifecycleState.STORAGE_PREPARED);
        try {
          assertThat(get(follower.http, "/health")).isEqualTo("OK\n");
          await("a redirect to the leader")
              .atMost(WAIT).until(() -> redirect(follower.http + "/api")
              .equals(second.http + "/api"));
          assertThat(status(follower.http + "/leaderhealth")).isEqualTo(503);
          assertThat(status(second.http + "/leaderhealth")).isEqualTo(200);
        } finally {
          follower.stop();
        }
      } finally {
        second.stop();
      }
    }
  }

  /** One scheduler process (a component), started until ACTIVE. */
  private record Running(SchedulerComponent component, Lifecycle lifecycle, String http) {
    static Running start(String zkConnect, String master, Path dir, LifecycleState target)
        throws Exception {
      SchedulerComponent component = SchedulerScenario.component(zkConnect, master, dir);
      Lifecycle lifecycle = component.lifecycle();
      lifecycle.start();
      await(target.name()).atMost(WAIT).until(() -> lifecycle.state() == target
          || component.guard().exit().isPresent());
      assertThat(component.guard().exit()).isEmpty();
      return new Running(component, lifecycle, "http://127.0.0.1:" + lifecycle.httpPort());
    }

    void stop() throws InterruptedException {
      lifecycle.stop();
      assertThreadsEnded(component);
    }
  }

  /** Every thread the daemon made ends once it is stopped (the pools are shut down, not leaked). */
  static void assertThreadsEnded(SchedulerComponent component) throws InterruptedException {
    try {
      await("the daemon's threads to end").atMost(WAIT)
          .until(() -> component.threads().alive().isEmpty());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      StringBuilder alive = new StringBuilder("alive after stop:");
      for (Thread t : component.threads().alive()) {
        alive.append("\n").append(t.getName());
        for (StackTraceElement frame : t.getStackTrace()) {
          alive.append("\n    at ").append(frame);
        }
      }
      throw new AssertionError(alive.toString(), e);
    }
  }

  /** A component for one scheduler with its log under {@code dir}, not started. */
  static SchedulerComponent component(String zkConnect, String master, Path dir, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of(
        "-cluster_name=test", "-serverset_path=/aurora/scheduler",
        "-mesos_master_address=" + master, "-zk_endpoints=" + zkConnect,
        "-native_log_file_path=" + dir.resolve("log"),
        "-native_log_zk_group_path=/aurora/replicated-log",
        "-backup_dir=" + dir.resolve("backups"), "-ip=127.0.0.1",
        "-executor_user=" + System.getProperty("user.name")));
    args.addAll(List.of(extra));
    ServerCommandLine.Outcome parsed = ServerCommandLine.parse(args.toArray(new String[0]));
    assertThat(parsed).isInstanceOf(ServerCommandLine.Run.class);
    ServerOptions options = ((ServerCommandLine.Run) parsed).options();
    DaemonConfig config = FlagMapping.map(options, Map.of(), zkConnect, master, "unused");
    return SchedulerComponent.factory().create(config);
  }

  private static void assertAdminPages(String http) throws Exception {
    assertThat(get(http, "/health")).isEqualTo("OK\n");
    assertThat(get(http, "/leaderhealth")).isNotEmpty();
    assertThat(get(http, "/vars")).contains("scheduler_lifecycle_ACTIVE 1")
        .contains("scheduler_lifecycle_IDLE 0").contains("cluster_name test")
        .contains("jvm_uptime_secs");
    assertThat(get(http, "/metrics")).contains("scheduler_lifecycle_ACTIVE");
  }

  static JobConfiguration job(JobKey key) {
    String thermos = "{\"task\":{\"name\":\"hello\",\"processes\":[{\"name\":\"hello\","
        + "\"cmdline\":\"echo hello; sleep 60\"}]}}";
    Set<Resource> resources = new HashSet<>(List.of(
        Resource.numCpus(0.1), Resource.ramMb(16), Resource.diskMb(16)));
    TaskConfig task = new TaskConfig()
        .setIsService(false)
        .setMaxTaskFailures(1)
        .setPriority(0)
        .setResources(resources)
        .setConstraints(new HashSet<>())
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor", thermos));
    return new JobConfiguration().setKey(key).setOwner(new Identity().setUser("www"))
        .setTaskConfig(task).setInstanceCount(1);
  }

  static AuroraAdmin.Client client(String http, String mediaType) throws Exception {
    HttpThriftTransport transport =
        new HttpThriftTransport(URI.create(http + "/api"), mediaType, Duration.ofSeconds(30));
    TProtocol protocol = mediaType.equals(BINARY)
        ? new TBinaryProtocol(transport) : new TJSONProtocol(transport);
    return new AuroraAdmin.Client(protocol);
  }

  static void assertOk(Response r) {
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
  }

  static ScheduledTask awaitStatus(AuroraAdmin.Client api, JobKey job, ScheduleStatus status)
      throws Exception {
    ScheduledTask[] found = new ScheduledTask[1];
    await(job.getName() + " " + status).atMost(WAIT).until(() -> {
      try {
        Response r = api.getTasksStatus(TaskQueries.byJob(job).statuses(Set.of(status)).build());
        List<ScheduledTask> tasks = r.getResult().getScheduleStatusResult().getTasks();
        if (tasks.isEmpty()) {
          return false;
        }
        found[0] = tasks.get(0);
        return true;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return found[0];
  }

  /** The Location of a POST that is answered with 307, or "" for any other answer. */
  static String redirect(String url) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url)).header("Content-Type", JSON)
              .POST(HttpRequest.BodyPublishers.ofString("[1,\"getRoleSummary\",1,0,{}]")).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 307 ? r.headers().firstValue("Location").orElse("") : "";
    } catch (Exception e) {
      return "";
    }
  }

  static int status(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static String get(String http, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(http + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  private static boolean sandboxSays(Path sandbox, String text) {
    try (var files = Files.walk(sandbox)) {
      return files.filter(Files::isRegularFile).anyMatch(f -> {
        try {
          return Files.readString(f).contains(text);
        } catch (Exception e) {
          return false;
        }
      });
    } catch (Exception e) {
      return false;
    }
  }

}
