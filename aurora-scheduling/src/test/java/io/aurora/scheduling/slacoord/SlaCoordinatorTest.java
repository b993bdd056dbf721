package io.aurora.scheduling.slacoord;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aurora.api.JobKeys;
import io.aurora.gen.AssignedTask;
import io.aurora.gen.CoordinatorSlaPolicy;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.sla.SlaVerdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The coordinator policy against a real HTTP server on loopback. */
class SlaCoordinatorTest {
  private final ExecutorService serverThreads = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final SlaCoordinator coordinator = new SlaCoordinator(() -> client,
      new CoordinatorOptions(Duration.ofMillis(500), 2), registry, Runnable::run);

  SlaCoordinatorTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(serverThreads);
    server.createContext("/allow", ex -> answer(ex, 200, "{\"drain\": true}"));
    server.createContext("/deny", ex -> answer(ex, 200, "{\"drain\": false, \"other\": true}"));
    server.createContext("/custom", ex -> answer(ex, 200, "{\"ok\": true}"));
    server.createContext("/garbage", ex -> answer(ex, 200, "<html>not json"));
    server.createContext("/nokey", ex -> answer(ex, 200, "{\"drain\": \"yes\"}"));
    server.createContext("/broken", ex -> answer(ex, 503, "down"));
    server.createContext("/slow", ex -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(ex, 200, "{\"drain\": true}");
    });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private void answer(HttpExchange ex, int code, String body) throws IOException {
    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " "
        + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(code, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static ScheduledTask task() {
    return new ScheduledTask().setStatus(ScheduleStatus.RUNNING).setAssignedTask(
        new AssignedTask().setTaskId("task-1").setInstanceId(3).setSlaveHost("h1")
            .setTask(new TaskConfig().setJob(JobKeys.from("www", "prod", "web"))));
  }

  private SlaVerdict ask(String path, String statusKey) throws Exception {
    CompletableFuture<SlaVerdict> verdict = new CompletableFuture<>();
    CoordinatorSlaPolicy policy = new CoordinatorSlaPolicy(url(path), statusKey);
    assertThat(coordinator.tryCheck(policy, task(), 5000, verdict::complete)).isTrue();
    SlaVerdict answer = verdict.get(30, TimeUnit.SECONDS);
    // The coordinator stays held until the action has returned.
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> coordinator.inFlight() == 0);
    return answer;
  }

  private double counter(String name) {
    return registry.counter(name).count();
  }

  @Test
  void allows_withTheTaskInQueryAndBody() throws Exception {
    assertThat(ask("/allow", "drain").allowed()).isTrue();
    assertThat(requests).singleElement().satisfies(r -> assertThat(r)
        .startsWith("POST /allow?task=www%2Fprod%2Fweb%2F3 ")
        .contains("\"task\":\"www/prod/web/3\"").contains("\"taskId\":\"task-1\"")
        .contains("\"host\":\"h1\"").contains("\"forceMaintenanceCountdownMs\":5000"));
    assertThat(coordinator.inFlight()).isZero();
  }

  @Test
  void denies_andReadsThePolicysStatusKey() throws Exception {
    assertThat(ask("/deny", "drain").allowed()).isFalse();
    assertThat(ask("/deny", "other").allowed()).isTrue();
    assertThat(ask("/custom", "ok").allowed()).isTrue();
    assertThat(ask("/custom", "").allowed()).as("default key drain is absent").isFalse();
  }

  @Test
  void garbageAndMissingKeys_denyAsUserErrors() throws Exception {
    assertThat(ask("/garbage", "drain")).satisfies(v -> assertThat(v.allowed()).isFalse())
        .satisfies(v -> assertThat(v.reason()).contains("not JSON"));
    assertThat(ask("/nokey", "drain").allowed()).isFalse();
    assertThat(counter("sla_coordinator_user_errors_www/prod/web")).isEqualTo(2);
    assertThat(counter("sla_coordinator_errors_www/prod/web")).isZero();
  }

  @Test
  void errorsAndTimeouts_deny() throws Exception {
    assertThat(ask("/broken", "drain")).satisfies(v -> assertThat(v.allowed()).isFalse())
        .satisfies(v -> assertThat(v.reason()).contains("HTTP 503"));
    assertThat(ask("/slow", "drain")).satisfies(v -> assertThat(v.allowed()).isFalse())
        .satisfies(v -> assertThat(v.reason()).contains("did not answer"));
    assertThat(counter("sla_coordinator_errors_www/prod/web")).isEqualTo(2);
  }

  @Test
  void oneCheckPerCoordinator_andBoundedInFlight() throws Exception {
    CompletableFuture<SlaVerdict> first = new CompletableFuture<>();
    CoordinatorSlaPolicy slow = new CoordinatorSlaPolicy(url("/slow"), "drain");
    SlaCoordinator patient = new SlaCoordinator(() -> client,
        new CoordinatorOptions(Duration.ofSeconds(30), 2), registry, Runnable::run);
    assertThat(patient.tryCheck(slow, task(), 0, first::complete)).isTrue();
    // The same coordinator is busy until the first answer has been acted on.
    assertThat(patient.tryCheck(slow, task(), 0, v -> { })).isFalse();
    assertThat(counter("sla_coordinator_lock_starvation_www/prod/web")).isEqualTo(1);
    CompletableFuture<SlaVerdict> second = new CompletableFuture<>();
    CoordinatorSlaPolicy slow2 = new CoordinatorSlaPolicy(url("/slow?second"), "drain");
    assertThat(patient.tryCheck(slow2, task(), 0, second::complete)).isTrue();
    // Two in flight: a third coordinator waits for the next pass.
    assertThat(patient.tryCheck(new CoordinatorSlaPolicy(url("/allow"), "drain"), task(), 0,
        v -> { })).isFalse();
    assertThat(patient.inFlight()).isEqualTo(2);
    release.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS).allowed()).isTrue();
    assertThat(second.get(30, TimeUnit.SECONDS).allowed()).isTrue();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> patient.inFlight() == 0);
    assertThat(patient.tryCheck(slow, task(), 0, v -> { })).isTrue();
  }

  @Test
  void unusableUrl_deniesWithoutARequest() throws Exception {
    CompletableFuture<SlaVerdict> verdict = new CompletableFuture<>();
    assertThat(coordinator.tryCheck(new CoordinatorSlaPolicy("ftp://x/y", "drain"), task(), 0,
        verdict::complete)).isTrue();
    assertThat(verdict.get(5, TimeUnit.SECONDS).reason()).contains("not usable");
    assertThat(requests).isEmpty();
    assertThat(coordinator.inFlight()).isZero();
  }
}
