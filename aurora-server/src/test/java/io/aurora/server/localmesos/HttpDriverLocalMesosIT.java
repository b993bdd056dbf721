package io.aurora.server.localmesos;

import static io.aurora.server.localmesos.MesosTesting.driver;
import static io.aurora.server.localmesos.MesosTesting.launch;
import static io.aurora.server.localmesos.MesosTesting.refuse;
import static io.aurora.server.localmesos.MesosTesting.task;
import static io.aurora.server.localmesos.MesosTesting.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.scheduling.mesos.http.HttpDriver;
import io.aurora.scheduling.mesos.http.MesosEncoding;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our v1 client against the embedded master over real HTTP on 127.0.0.1, with real processes. */
class HttpDriverLocalMesosIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path workDir;
  private static LocalMesos mesos;
  private final List<HttpDriver> drivers = new ArrayList<>();

  @BeforeAll
  static void startMaster() {
    mesos = LocalMesos.start(MesosTesting.options(workDir, Duration.ofSeconds(1)), Clock.systemUTC());
  }

  @AfterAll
  static void stopMaster() {
    mesos.close();
  }

  @AfterEach
  void tearDownFrameworks() {
    // TEARDOWN frees the agent at once for the next test (a mere stop would hold its offers).
    drivers.forEach(HttpDriver::teardown);
  }

  private RecordingListener subscribe(HttpDriver driver, Optional<FrameworkID> id) {
    return subscribe(driver, id, true);
  }

  private RecordingListener subscribe(HttpDriver driver, Optional<FrameworkID> id, boolean ack) {
    drivers.add(driver);
    RecordingListener listener = new RecordingListener();
    if (ack) {
      listener.autoAcknowledge(driver);
    }
    driver.subscribe(id, listener);
    return listener;
  }

  private static List<OfferID> ids(List<Offer> offers) {
    return offers.stream().map(Offer::getId).toList();
  }

  @Test
  void echoTask_finishesWithOutputInSandbox_andAckedTerminalUpdateRemovesTask() throws Exception {
    HttpDriver driver = driver(mesos.address());
    RecordingListener events = subscribe(driver, Optional.empty());
    assertThat(events.await(RecordingListener.Subscribed.class).masterInfo().getVersion())
        .isEqualTo("1.11.0");
    Offer offer = events.awaitOffers(1).get(0);
    assertThat(offer.getResourcesList()).anyMatch(r -> r.getName().equals("cpus"));

    driver.accept(List.of(offer.getId()),
        List.of(launch(task("echo-1", offer, "echo hello-from-task; echo oops >&2"))), refuse(0));
    for (TaskState state : List.of(TaskState.TASK_STARTING, TaskState.TASK_RUNNING,
        TaskState.TASK_FINISHED)) {
      TaskStatus status = events.awaitUpdate(taskId("echo-1"), state);
      assertThat(status.hasUuid()).isTrue();
      assertThat(status.getAgentId()).isEqualTo(offer.getAgentId());
      driver.acknowledge(status);
    }
    Path sandbox = mesos.sandbox(taskId("echo-1")).orElseThrow();
    assertThat(Files.readString(sandbox.resolve("stdout"))).isEqualTo("hello-from-task\n");
    assertThat(Files.readString(sandbox.resolve("stderr"))).isEqualTo("oops\n");
    await("no task left").atMost(WAIT).until(() -> mesos.taskCount() == 0);
  }

  @Test
  void failingTask_endsFailed() throws Exception {
    HttpDriver driver = driver(mesos.address());
    RecordingListener events = subscribe(driver, Optional.empty());
    Offer offer = events.awaitOffers(1).get(0);
    driver.accept(List.of(offer.getId()), List.of(launch(task("fail-1", offer, "exit 1"))),
        refuse(0));
    TaskStatus failed = events.awaitUpdate(taskId("fail-1"), TaskState.TASK_FAILED);
    assertThat(failed.getMessage()).contains("status 1");
  }

  @Test
  void killedTask_ignoringSigterm_endsKilled_andItsProcessIsGone() throws Exception {
    HttpDriver driver = driver(mesos.address());
    RecordingListener events = subscribe(driver, Optional.empty());
    Offer offer = events.awaitOffers(1).get(0);
    driver.accept(List.of(offer.getId()), List.of(launch(task("kill-1", offer,
        "trap '' TERM; echo $$ > pid; sleep 600"))), refuse(0));
    events.awaitUpdate(taskId("kill-1"), TaskState.TASK_RUNNING);
    long pid = readPid(taskId("kill-1"));
    assertThat(MesosTesting.isRunning(pid)).isTrue();

    driver.kill(taskId("kill-1"), Optional.of(offer.getAgentId()));
    TaskStatus killed = events.awaitUpdate(taskId("kill-1"), TaskState.TASK_KILLED);
    assertThat(killed.hasUuid()).isTrue();
    // KILLED is reported after SIGKILL to the group; the kernel finishes it off right after.
    assertThat(MesosTesting.awaitGone(pid, Duration.ofMillis(500))).isTrue();
  }

  @Test
  void unacknowledgedUpdate_isResent_andTheNextWaitsForTheAck() throws Exception {
    HttpDriver driver = driver(mesos.address());
    RecordingListener events = subscribe(driver, Optional.empty(), false);
    Offer offer = events.awaitOffers(1).get(0);
    driver.accept(List.of(offer.getId()), List.of(launch(task("resend-1", offer, "sleep 600"))),
        refuse(0));
    TaskStatus second = events.await(RecordingListener.Update.class,
        u -> u.status().getState() == TaskState.TASK_STARTING, 2).status();
    TaskStatus first = events.awaitUpdate(taskId("resend-1"), TaskState.TASK_STARTING);
    assertThat(second.getUuid()).isEqualTo(first.getUuid());
    assertThat(events.all(RecordingListener.Update.class))
        .noneMatch(u -> u.status().getState() == TaskState.TASK_RUNNING);

    driver.acknowledge(first);
    events.awaitUpdate(taskId("resend-1"), TaskState.TASK_RUNNING);
  }

  @Test
  void reconcile_unknownTaskIsLost_andImplicitListsRunningTasks_withoutUuid() throws Exception {
    HttpDriver driver = driver(mesos.address());
    RecordingListener events = subscribe(driver, Optional.empty());
    Offer offer = events.awaitOffers(1).get(0);
    driver.accept(List.of(offer.getId()), List.of(launch(task("rec-1", offer, "sleep 600"))),
        refuse(0));
    driver.acknowledge(events.awaitUpdate(taskId("rec-1"), TaskState.TASK_STARTING));
    driver.acknowledge(events.awaitUpdate(taskId("rec-1"), TaskState.TASK_RUNNING));

    driver.reconcile(List.of(Call.Reconcile.Task.newBuilder().setTaskId(taskId("nope")).build()));
    TaskStatus lost = events.awaitUpdate(taskId("nope"), TaskState.TASK_LOST);
    assertThat(lost.hasUuid()).isFalse();
    assertThat(lost.getReason()).isEqualTo(TaskStatus.Reason.REASON_RECONCILIATION);

    driver.reconcileAll();
    TaskStatus running = events.await(RecordingListener.Update.class,
        u -> u.status().getState() == TaskState.TASK_RUNNING
            && u.status().getSource() == TaskStatus.Source.SOURCE_MASTER, 1).status();
    assertThat(running.getTaskId()).isEqualTo(taskId("rec-1"));
    assertThat(running.hasUuid()).isFalse();
  }

  @Test
  void decline_withRefuseSeconds_keepsTheAgentAway_untilRevive() throws Exception {
    HttpDriver driver = driver(mesos.address());
    RecordingListener events = subscribe(driver, Optional.empty());
    List<Offer> offers = events.awaitOffers(1);
    driver.decline(ids(offers), refuse(3600));
    // Allocation runs every 100 ms: well over a few rounds, nothing comes back.
    await("no new offer while declined").during(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(2))
        .until(() -> events.all(RecordingListener.Offers.class).size() == 1);
    driver.revive(List.of());
    assertThat(events.awaitOffers(2)).isNotEmpty();
  }

  @Test
  void resubscribe_withStoredFrameworkId_keepsTasks_andFailsOverTheOldDriver() throws Exception {
    HttpDriver first = driver(mesos.address());
    RecordingListener firstEvents = subscribe(first, Optional.empty());
    FrameworkID id = firstEvents.await(RecordingListener.Subscribed.class).frameworkId();
    Offer offer = firstEvents.awaitOffers(1).get(0);
    first.accept(List.of(offer.getId()), List.of(launch(task("fo-1", offer, "sleep 600"))),
        refuse(0));
    first.acknowledge(firstEvents.awaitUpdate(taskId("fo-1"), TaskState.TASK_STARTING));
    first.acknowledge(firstEvents.awaitUpdate(taskId("fo-1"), TaskState.TASK_RUNNING));

    HttpDriver second = driver(mesos.address());
    RecordingListener secondEvents = subscribe(second, Optional.of(id));
    assertThat(secondEvents.await(RecordingListener.Subscribed.class).frameworkId()).isEqualTo(id);
    assertThat(firstEvents.await(RecordingListener.Error.class).message())
        .isEqualTo("Framework failed over");

    second.reconcile(List.of(Call.Reconcile.Task.newBuilder().setTaskId(taskId("fo-1")).build()));
    TaskStatus answer = secondEvents.await(RecordingListener.Update.class,
        u -> u.status().getSource() == TaskStatus.Source.SOURCE_MASTER, 1).status();
    assertThat(answer.getTaskId()).isEqualTo(taskId("fo-1"));
    assertThat(answer.getState()).isEqualTo(TaskState.TASK_RUNNING);
  }

  @Test
  void subscribingAsATornDownFramework_isAFatalError() throws Exception {
    HttpDriver first = driver(mesos.address());
    RecordingListener firstEvents = subscribe(first, Optional.empty());
    FrameworkID id = firstEvents.await(RecordingListener.Subscribed.class).frameworkId();
    first.teardown();
    HttpDriver second = driver(mesos.address());
    RecordingListener secondEvents = subscribe(second, Optional.of(id));
    assertThat(secondEvents.await(RecordingListener.Error.class).message())
        .isEqualTo("Framework has been removed");
    assertThat(secondEvents.all(RecordingListener.Subscribed.class)).isEmpty();
  }

  @Test
  void jsonEncoding_subscribesAndLaunches() throws Exception {
    HttpDriver driver = driver(mesos.address(), Duration.ofSeconds(10), MesosEncoding.JSON);
    RecordingListener events = subscribe(driver, Optional.empty());
    Offer offer = events.awaitOffers(1).get(0);
    driver.accept(List.of(offer.getId()), List.of(launch(task("json-1", offer, "true"))),
        refuse(0));
    driver.acknowledge(events.awaitUpdate(taskId("json-1"), TaskState.TASK_STARTING));
    driver.acknowledge(events.awaitUpdate(taskId("json-1"), TaskState.TASK_RUNNING));
    assertThat(events.awaitUpdate(taskId("json-1"), TaskState.TASK_FINISHED).hasUuid()).isTrue();
  }

  @Test
  void endpoint_enforcesContentTypeMethodAndStreamId() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://" + mesos.address() + "/api/v1/scheduler");
    byte[] body = MesosEncoding.JSON.encode(io.aurora.scheduling.mesos.Calls.teardown(
        FrameworkID.newBuilder().setValue("x").build()));
    assertThat(post(http, uri, "application/json; charset=utf-8", body)).isEqualTo(415);
    assertThat(post(http, uri, "application/json", "{bad".getBytes())).isEqualTo(400);
    assertThat(post(http, uri, "application/json", body)).isEqualTo(400);  // unknown framework
    assertThat(http.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
  }

  private static int post(HttpClient http, URI uri, String contentType, byte[] body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static long readPid(TaskID taskId) throws Exception {
    Path pidFile = mesos.sandbox(taskId).orElseThrow().resolve("pid");
    await("the task's pid file").atMost(WAIT)
        .until(() -> Files.exists(pidFile) && !readQuietly(pidFile).isBlank());
    return Long.parseLong(readQuietly(pidFile).strip());
  }

  private static String readQuietly(Path path) {
    try {
      return Files.readString(path);
    } catch (java.io.IOException e) {
      return "";
    }
  }

}
