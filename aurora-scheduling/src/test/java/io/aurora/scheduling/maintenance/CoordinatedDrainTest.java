package io.aurora.scheduling.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.aurora.gen.CoordinatorSlaPolicy;
import io.aurora.gen.CountSlaPolicy;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.SlaPolicy;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.sla.SlaRules;
import io.aurora.scheduling.slacoord.CoordinatorOptions;
import io.aurora.scheduling.slacoord.SlaCoordinator;
import io.aurora.scheduling.testing.SchedulerHarness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A drain pass asks the job's coordinator (a real loopback HTTP server) before each task goes. */
class CoordinatedDrainTest {
  private static final String A = "a1.example";

  private final SchedulerHarness h = new SchedulerHarness();
  private final AtomicBoolean allow = new AtomicBoolean();
  private final AtomicInteger asked = new AtomicInteger();
  private final HttpServer server;
  private final MaintenanceController maintenance;

  CoordinatedDrainTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/coordinator", ex -> {
      asked.incrementAndGet();
      ex.getRequestBody().readAllBytes();
      byte[] body = ("{\"drain\": " + allow.get() + "}").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    HttpClient client = HttpClient.newHttpClient();
    maintenance = new MaintenanceController(h.writer, h.clock, h.timers,
        new MaintenanceOptions(Duration.ofMinutes(1), Duration.ofMinutes(6),
            new SlaRules(0, false), CoordinatorOptions.DEFAULTS),
        new SlaCoordinator(() -> client, CoordinatorOptions.DEFAULTS, h.registry, Runnable::run),
        h.registry);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private List<ScheduledTask> on(ScheduleStatus status) {
    return h.tasks(status).stream()
        .filter(t -> A.equals(t.getAssignedTask().getSlaveHost())).toList();
  }

  @Test
  void theCoordinatorDecides_oneTaskAtATime() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/coordinator";
    h.insertPending(Fixtures.config("www", "db", 0.5, 64, 10).setProduction(true)
        .setSlaPolicy(SlaPolicy.coordinatorSlaPolicy(new CoordinatorSlaPolicy(url, "drain"))),
        Set.of(0, 1));
    h.offer("a1", 1.5, 1024);
    h.loop.runOnce();
    for (String id : h.ids(ScheduleStatus.ASSIGNED)) {
      h.update(id, TaskState.TASK_RUNNING);
    }
    assertThat(on(ScheduleStatus.RUNNING)).hasSize(2);

    maintenance.slaDrain(Set.of(A), SlaPolicy.countSlaPolicy(new CountSlaPolicy(0, 0)), 3600);
    maintenance.pass();
    // One coordinator, one question at a time: the other task waits for it.
    await().atMost(Duration.ofSeconds(30)).until(() -> asked.get() == 1);
    assertThat(maintenance.waiting()).hasSize(2);
    assertThat(maintenance.waiting().values())
        .anySatisfy(w -> assertThat(w.reason()).startsWith("waiting for coordinator"));
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      maintenance.pass();
      return asked.get() >= 2;
    });
    assertThat(on(ScheduleStatus.DRAINING)).as("the coordinator denied").isEmpty();

    allow.set(true);
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      maintenance.pass();
      return on(ScheduleStatus.DRAINING).size() == 2;
    });
    assertThat(on(ScheduleStatus.DRAINING)).allSatisfy(t -> assertThat(
        t.getTaskEvents().get(t.getTaskEvents().size() - 1).getMessage())
        .isEqualTo(MaintenanceController.DRAIN_MESSAGE));
  }
}
