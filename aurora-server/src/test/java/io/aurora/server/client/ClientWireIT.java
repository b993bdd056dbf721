package io.aurora.server.client;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.GetJobUpdateDetailsResult;
import io.aurora.gen.GetJobUpdateSummariesResult;
import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateState;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Range;
import io.aurora.gen.Result;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduleStatusResult;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.StartJobUpdateResult;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cluster.ClusterFiles;
import io.aurora.server.discovery.ServersetCodec;
import io.aurora.server.discovery.ServiceInstance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TIOStreamTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/aurora} over real HTTP and real Thrift serialization: a loopback server (the JDK's
 * HttpServer) runs the generated {@code AuroraAdmin.Processor} over a {@link ScriptedScheduler}, so
 * every request the verbs build and every response they read crosses the wire in TJSON or TBinary
 * as it would with a scheduler (Thrift checks required fields on both sides).
 */
class ClientWireIT {
  private static final String HELLO = "../docs/examples/hello-world.json";
  private static final JobKey JOB = new JobKey("www", "prod", "hello");

  private final ScriptedScheduler scheduler = new ScriptedScheduler();
  private final List<String> contentTypes = new ArrayList<>();
  private final List<Duration> pauses = new ArrayList<>();
  private HttpServer server;
  private int status = 200;

  @BeforeEach
  void serve() throws Exception {
    AuroraAdmin.Processor<AuroraAdmin.Iface> processor = new AuroraAdmin.Processor<>(scheduler.iface());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api", exchange -> {
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      contentTypes.add(type);
      byte[] body = exchange.getRequestBody().readAllBytes();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      try {
        TIOStreamTransport transport =
            new TIOStreamTransport(new ByteArrayInputStream(body), reply);
        TProtocol protocol = type.endsWith("binary")
            ? new TBinaryProtocol(transport) : new TJSONProtocol(transport);
        processor.process(protocol, protocol);
      } catch (Exception e) {
        throw new java.io.IOException(e);
      }
      byte[] bytes = status == 200 ? reply.toByteArray() : "boom".getBytes();
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void jobVerbs_inJsonAndBinary() {
    ScheduledTask task = new ScheduledTask().setStatus(ScheduleStatus.RUNNING)
        .setTaskEvents(new ArrayList<>(List.of(new TaskEvent(1_000, ScheduleStatus.RUNNING))))
        .setAssignedTask(new AssignedTask().setInstanceId(0).setTaskId("t-0").setSlaveHost("h")
            .setTask(new TaskConfig().setJob(JOB)));
    scheduler.answer("createJob", ok(null));
    scheduler.answer("getTasksWithoutConfigs",
        ok(Result.scheduleStatusResult(new ScheduleStatusResult(new ArrayList<>(List.of(task))))),
        ok(Result.scheduleStatusResult(new ScheduleStatusResult(new ArrayList<>(List.of(task))))));

    assertThat(run("job", "create", "local/www/prod/hello", HELLO).exit).isEqualTo(0);
    Run status = run("--binary", "job", "status", "local/www/prod/hello");

    assertThat(status.exit).as(status.err).isEqualTo(0);
    assertThat(status.out).startsWith("www/prod/hello: 1 RUNNING\nINSTANCE  STATUS ")
        .contains("\n0         RUNNING  h ");
    assertThat(contentTypes).containsExactly("application/vnd.apache.thrift.json",
        "application/vnd.apache.thrift.json", "application/vnd.apache.thrift.binary");
  }

  @Test
  void updateStart_requestSurvivesTheWire_andWaitReadsDetailsBack() {
    JobUpdateKey key = new JobUpdateKey(JOB, "u-1");
    scheduler.answer("startJobUpdate",
        ok(Result.startJobUpdateResult(new StartJobUpdateResult(key))));
    scheduler.answer("getJobUpdateDetails",
        details(key, JobUpdateStatus.ROLLING_FORWARD), details(key, JobUpdateStatus.ROLLED_FORWARD));

    Run start = run("update", "start", "local/www/prod/hello", HELLO, "--batch-size=2",
        "--instances=0", "--wait");

    assertThat(start.exit).as(start.err).isEqualTo(0);
    assertThat(start.out).contains("update started: local/www/prod/hello/u-1\n")
        .contains("http://127.0.0.1:" + server.getAddress().getPort()
            + "/scheduler/www/prod/hello/update/u-1\n")
        .endsWith("local/www/prod/hello/u-1: 1 of 1 instances done, 0 failed, ROLLED_FORWARD\n");
    JobUpdateRequest sent = (JobUpdateRequest) scheduler.calls("startJobUpdate").get(0).arg(0);
    assertThat(sent.getSettings().getUpdateStrategy().getQueueStrategy().getGroupSize()).isEqualTo(2);
    assertThat(sent.getSettings().getUpdateOnlyTheseInstances()).containsExactly(new Range(0, 0));
    assertThat(sent.getMetadata()).hasSize(1);
    assertThat(sent.getTaskConfig().getJob()).isEqualTo(JOB);
    assertThat(pauses).containsExactly(Duration.ofSeconds(5));
    ScriptedScheduler.Call details = scheduler.calls("getJobUpdateDetails").get(0);
    assertThat(details.arg(0)).as("the deprecated key argument").isNull();
    assertThat(((JobUpdateQuery) details.arg(1)).getKey()).isEqualTo(key);
  }

  @Test
  void updateList_overTheWire() {
    scheduler.answer("getJobUpdateSummaries", ok(Result.getJobUpdateSummariesResult(
        new GetJobUpdateSummariesResult(new ArrayList<>(List.of(new JobUpdateSummary()
            .setKey(new JobUpdateKey(JOB, "u-9")).setUser("bob")
            .setState(new JobUpdateState(JobUpdateStatus.ABORTED, 0, 1000))))))));

    Run list = run("update", "list", "local/www", "--status=inactive");

    assertThat(list.exit).as(list.err).isEqualTo(0);
    assertThat(list.out).contains("local/www/prod/hello  u-9        ABORTED  bob");
  }

  @Test
  void anHttpError_isOneLineAndExitSeven() {
    status = 500;
    Run run = run("job", "status", "local/www/prod/hello");
    assertThat(run.exit).isEqualTo(7);
    assertThat(run.err).startsWith("aurora: HTTP 500 from http://127.0.0.1:").endsWith(": boom\n")
        .hasLineCount(1);
  }

  @Test
  void http401or403_isAnAuthFailure_exitThirty() {
    for (int code : new int[] {401, 403}) {
      status = code;
      Run run = run("job", "status", "local/www/prod/hello");
      assertThat(run.exit).isEqualTo(30);
      assertThat(run.err).startsWith("aurora: HTTP " + code + " from http://127.0.0.1:")
          .contains("the scheduler wants credentials: add 'machine 127.0.0.1 login USER")
          .hasLineCount(1);
    }
  }

  @Test
  void aZooKeeperClusterOfClustersJson_reachesTheServersetsFirstMember(@TempDir Path dir)
      throws Exception {
    int port = server.getAddress().getPort();
    scheduler.answer("getTasksWithoutConfigs",
        ok(Result.scheduleStatusResult(new ScheduleStatusResult(new ArrayList<>()))));
    try (TestingServer zk = new TestingServer(new InstanceSpec(dir.resolve("zk").toFile(), -1, -1,
            -1, false, 1, -1, -1, null, "127.0.0.1"), true);
        CuratorFramework curator = CuratorFrameworkFactory.newClient(zk.getConnectString(),
            new RetryOneTime(100))) {
      curator.start();
      ServersetCodec codec = new ServersetCodec();
      // The older member (lower sequence) is the leader Aurora's client picks; the other points
      // at a port where nothing listens.
      curator.create().creatingParentsIfNeeded().forPath("/aurora/sched/member_0000000007",
          codec.encode(ServiceInstance.scheduler("127.0.0.1", 1, "http", 2)));
      curator.create().forPath("/aurora/sched/member_0000000004",
          codec.encode(ServiceInstance.scheduler("127.0.0.1", port, "http", 2)));
      Path etc = dir.resolve("etc");
      Files.createDirectories(etc);
      Files.writeString(etc.resolve("clusters.json"), "[{\"name\": \"east\", \"zk\": "
          + "\"127.0.0.1\", \"zk_port\": " + zk.getPort() + ", \"scheduler_zk_path\": "
          + "\"/aurora/sched\", \"proxy_url\": \"https://aurora.example/\"}]");
      Map<String, String> env = Map.of("AURORA_CONFIG_ROOT", etc.toString(),
          "HOME", dir.resolve("home").toString());
      ConnectionOptions options = new ConnectionOptions();
      ThriftConnector connector = new ThriftConnector(options, env,
          () -> ClusterFiles.load(env, dir));

      assertThat(connector.target(java.util.Optional.of("east"))).isEqualTo(
          new ThriftConnector.Target(java.net.URI.create("http://127.0.0.1:" + port + "/api"),
              java.net.URI.create("https://aurora.example/")));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      ClientContext context = new ClientContext(connector, new PrintWriter(out, true),
          new PrintWriter(err, true), false, pauses::add, UUID::randomUUID, ZoneOffset.UTC);
      int exit = AuroraClient.commandLine(options, context)
          .execute("job", "status", "east/www/prod/hello");
      // The scheduler answered (with no tasks): job status says so, exit 6 as Aurora's client.
      assertThat(exit).as(err.toString()).isEqualTo(6);
      assertThat(err.toString()).isEqualTo("aurora: found no job matching east/www/prod/hello\n");
    }
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> line = new ArrayList<>(List.of(
        "--scheduler=http://127.0.0.1:" + server.getAddress().getPort()));
    line.addAll(List.of(args));
    // The real connector and transport; only the pauses between polls are recorded, not slept.
    ConnectionOptions options = new ConnectionOptions();
    ClientContext context = new ClientContext(new ThriftConnector(options, Map.of()),
        new PrintWriter(out, true), new PrintWriter(err, true), false, pauses::add,
        UUID::randomUUID, ZoneOffset.UTC);
    int exit = AuroraClient.commandLine(options, context).execute(line.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private static io.aurora.gen.Response details(JobUpdateKey key, JobUpdateStatus status) {
    JobUpdateSummary summary = new JobUpdateSummary().setKey(key).setUser("alice")
        .setState(new JobUpdateState(status, 0, 1));
    JobUpdateInstructions instructions = new JobUpdateInstructions(Set.of(),
        new InstanceTaskConfig(new TaskConfig(), Set.of(new Range(0, 0))),
        new JobUpdateSettings().setUpdateGroupSize(1));
    List<JobInstanceUpdateEvent> events = status == JobUpdateStatus.ROLLED_FORWARD
        ? List.of(new JobInstanceUpdateEvent(0, 5, JobUpdateAction.INSTANCE_UPDATED)) : List.of();
    JobUpdateDetails details = new JobUpdateDetails(new JobUpdate(summary, instructions),
        List.of(new JobUpdateEvent(status, 1)), events);
    return ok(Result.getJobUpdateDetailsResult(
        new GetJobUpdateDetailsResult().setDetailsList(List.of(details))));
  }
}
