package io.aurora.server.app;

import static io.aurora.server.app.SchedulerScenario.BINARY;
import static io.aurora.server.app.SchedulerScenario.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.http.AdminServerConfig;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import io.aurora.server.thrift.ThriftPortProbe;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.curator.test.TestingServer;
import org.apache.thrift.TBase;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz of a real running scheduler: the full component (real ZooKeeper, the embedded
 * master with simulated agents, a real log on disk), leading and scheduling. Half the cases are
 * well-formed calls of every API method with absurd arguments ({@link FuzzCalls}), sent to
 * {@code /api} in TBinary and TJSON and to the Thrift port; the other half are the same calls
 * truncated, with bytes changed, under another method's name, random bytes, or oversized.
 *
 * <p>Each case: {@code /api} answers a well-formed call with 200 and a readable reply (a response
 * code; ERROR only with a message, and the ERROR answers are tallied in the summary), anything
 * else with a 2xx/4xx, or a 5xx that carries a message and no stack trace; the Thrift port
 * answers a well-formed call and ends every damaged connection. Afterwards the scheduler is
 * healthy, still leads, accepts a valid job, and the job created before the fuzz is unchanged.
 *
 * <p>{@code -Daurora.fuzz.cases=N} (default 2,000, as CI runs it) runs more cases, {@code
 * -Daurora.fuzz.seed=S} another seed; a failure names its seed and case.
 */
class SchedulerFuzzIT {
  private static final int CASES = Integer.getInteger("aurora.fuzz.cases", 2_000);
  private static final long SEED = Long.getLong("aurora.fuzz.seed", 20261125L);
  private static final int HTTP_LIMIT = AdminServerConfig.DEFAULT_API_MAX_BODY_BYTES;
  private static final String[] DAMAGE = {"truncated", "mutated", "wrongTypes", "random"};
  private static final TProtocolFactory BINARY_PROTOCOL = new TBinaryProtocol.Factory();
  private static final TProtocolFactory JSON_PROTOCOL = new TJSONProtocol.Factory();

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final Map<String, Integer> errors = new TreeMap<>();
  private final List<String> internalErrors = new ArrayList<>();
  private String base;
  private int thriftPort;

  @Test
  void seededBadInput_toApiAndThriftPort_leavesTheSchedulerHealthy() throws Exception {
    LocalMesosOptions mesosOptions = LocalMesosOptions.defaults(dir.resolve("mesos"))
        .withAgents(0, 2)
        .withIntervals(Duration.ofSeconds(15), Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(2));
    try (TestingServer zk = new TestingServer();
        LocalMesos mesos = LocalMesos.start(mesosOptions, Clock.systemUTC())) {
      // A small job size limit: a fuzzed job that happens to be valid stays cheap.
      SchedulerComponent scheduler = SchedulerScenario.component(zk.getConnectString(),
          mesos.address(), dir, "-max_tasks_per_job=20");
      Lifecycle lifecycle = scheduler.lifecycle();
      lifecycle.start();
      try {
        await("ACTIVE")
            .atMost(SchedulerScenario.WAIT).until(() -> lifecycle.state() == LifecycleState.ACTIVE);
        base = "http://127.0.0.1:" + lifecycle.httpPort();
        thriftPort = lifecycle.thriftPort();
        JobKey kept = JobKeys.from("sentinel", "prod", "kept");
        SchedulerScenario.assertOk(SchedulerScenario.client(base, JSON)
            .createJob(SchedulerScenario.job(kept)));
        ScheduledTask before = SchedulerScenario.awaitStatus(
            SchedulerScenario.client(base, BINARY), kept, ScheduleStatus.RUNNING);

        Random random = new Random(SEED);
        FuzzCalls calls = new FuzzCalls(random);
        long start = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
          runCase(random, calls, "seed " + SEED + " case " + i);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("SchedulerFuzzIT: %d cases in %d ms, outcomes %s%n", CASES,
            took.toMillis(), outcomes);
        errors.forEach((error, n) -> System.out.printf("  %5d x %s%n", n,
            error.substring(0, Math.min(error.length(), 160))));

        if (CASES >= 500) {
          // The calls reach the service: some pass every check, some are refused by it.
          assertThat(outcomes).containsKeys("OK", "INVALID_REQUEST", "http 400");
        }
        assertThat(internalErrors)
            .as("well-formed calls answered by an exception, no response or an unexplained ERROR")
            .isEmpty();
        assertHealthy(scheduler, kept, before);
      } finally {
        lifecycle.stop();
      }
    }
  }

  private void runCase(Random random, FuzzCalls calls, String where) throws Exception {
    int channel = random.nextInt(3); // /api in TBinary, /api in TJSON, the Thrift port
    TProtocolFactory protocol = channel == 1 ? JSON_PROTOCOL : BINARY_PROTOCOL;
    if (random.nextBoolean()) {
      Method method = calls.method();
      TBase<?, ?> args = calls.arguments(method);
      byte[] call = calls.encodeOrEmpty(protocol, method.getName(), args);
      if (call.length == 0) {
        count("unwritable");
        return;
      }
      String what = where + " (" + method.getName() + ")";
      byte[] reply = channel == 2 ? tcpCall(call, what) : httpCall(call, channel == 1, what);
      String outcome = FuzzCalls.outcome(protocol, method, reply);
      String code = outcome.split(":", 2)[0];
      count(code);
      if (code.equals("ERROR")) {
        // The service failed on input it should have refused as INVALID_REQUEST; tallied by
        // method and message for the summary (and for the API's owners).
        errors.merge(method.getName() + ": " + outcome.replaceAll("-?\\d{2,}|'[^']*'", "#"),
            1, Integer::sum);
      }
      boolean silent = code.equals("ERROR") && outcome.equals("ERROR: ");
      if (code.equals("exception") || code.equals("NO_RESPONSE") || silent) {
        String shown = args.toString();
        internalErrors.add(what + ": " + outcome + " for "
            + shown.substring(0, Math.min(shown.length(), 2000)));
      }
      return;
    }
    if (random.nextInt(200) == 0) {
      oversized(channel, random, where);
      return;
    }
    String kind = DAMAGE[random.nextInt(DAMAGE.length)];
    byte[] body = calls.damage(kind, protocol);
    String what = where + " (" + kind + ", " + body.length + " bytes)";
    if (channel == 2) {
      assertThat(endsConnection(ThriftPortProbe.frame(body, body.length))).as(what).isTrue();
      count("tcp " + kind);
    } else {
      HttpResponse<String> r = post(body, channel == 1 ? JSON : BINARY, random.nextBoolean()
          ? BINARY : "*/*");
      assertAnswered(r, what);
      count("http " + r.statusCode());
    }
  }

  private void oversized(int channel, Random random, String where) throws Exception {
    if (channel == 2) {
      // A length prefix beyond the limit (or negative): the port must close the connection.
      int declared = random.nextBoolean() ? HTTP_LIMIT + 1 + random.nextInt(1 << 20)
          : -1 - random.nextInt(1000);
      assertThat(endsConnection(ThriftPortProbe.frame(new byte[16], declared))).as(where).isTrue();
      count("tcp oversized");
    } else {
      HttpResponse<String> r = post(new byte[HTTP_LIMIT + 1], channel == 1 ? JSON : BINARY, BINARY);
      assertThat(r.statusCode()).as(where + " oversized: " + r.body()).isEqualTo(413);
      count("http 413");
    }
  }

  private byte[] httpCall(byte[] call, boolean json, String what) throws Exception {
    String type = json ? JSON : BINARY;
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api"))
            .timeout(Duration.ofSeconds(20)).header("Content-Type", type).header("Accept", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(call)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(what + ": " + new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    return r.body();
  }

  private HttpResponse<String> post(byte[] body, String type, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/api"))
            .timeout(Duration.ofSeconds(20)).header("Content-Type", type).header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
  }

  /** 2xx/4xx, or a 5xx with a message; an error never shows a stack trace. */
  private static void assertAnswered(HttpResponse<String> r, String what) {
    String where = what + ": " + r.statusCode() + " " + r.body();
    if (r.statusCode() != 200) {
      assertThat(r.body()).as(where).isNotBlank();
    }
    assertThat(r.body()).as(where).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(r.statusCode()).as(where).isBetween(200, 599);
  }

  /** One framed call on a fresh connection; the framed reply's payload. */
  private byte[] tcpCall(byte[] call, String what) throws IOException {
    try (Socket s = new Socket("127.0.0.1", thriftPort)) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(ThriftPortProbe.frame(call, call.length));
      s.getOutputStream().flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      int length = in.readInt();
      assertThat(length).as(what).isBetween(1, 64 << 20);
      byte[] reply = new byte[length];
      in.readFully(reply);
      return reply;
    }
  }

  private boolean endsConnection(byte[] input) throws IOException {
    return ThriftPortProbe.sendAndAwaitEnd(thriftPort, input, Duration.ofSeconds(10));
  }

  private void count(String outcome) {
    outcomes.merge(outcome, 1, Integer::sum);
  }

  private void assertHealthy(SchedulerComponent scheduler, JobKey kept, ScheduledTask before)
      throws Exception {
    assertThat(SchedulerScenario.get(base, "/health")).isEqualTo("OK\n");
    assertThat(SchedulerScenario.status(base + "/leaderhealth")).isEqualTo(200);
    assertThat(scheduler.lifecycle().state()).isEqualTo(LifecycleState.ACTIVE);
    assertThat(scheduler.guard().exit()).isEmpty();
    assertThat(SchedulerScenario.get(base, "/vars")).contains("framework_registered 1");

    // The job created before the fuzz is as it was: same task, still RUNNING.
    AuroraAdmin.Client api = SchedulerScenario.client(base, BINARY);
    Response r = api.getTasksWithoutConfigs(TaskQueries.byJob(kept).build());
    SchedulerScenario.assertOk(r);
    assertThat(r.getResult().getScheduleStatusResult().getTasks())
        .extracting(t -> t.getAssignedTask().getTaskId(), ScheduledTask::getStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            before.getAssignedTask().getTaskId(), ScheduleStatus.RUNNING));

    // A valid job is still accepted, over /api and over the Thrift port.
    JobKey after = JobKeys.from("sentinel", "prod", "after-fuzz");
    SchedulerScenario.assertOk(SchedulerScenario.client(base, JSON)
        .createJob(SchedulerScenario.job(after)));
    try (TTransport tcp = new TFramedTransport(new TSocket("127.0.0.1", thriftPort, 10_000))) {
      tcp.open();
      Response viaTcp = new AuroraAdmin.Client(new TBinaryProtocol(tcp))
          .getTasksWithoutConfigs(TaskQueries.byJob(after).build());
      SchedulerScenario.assertOk(viaTcp);
      assertThat(viaTcp.getResult().getScheduleStatusResult().getTasks()).hasSize(1);
    }
  }
}
