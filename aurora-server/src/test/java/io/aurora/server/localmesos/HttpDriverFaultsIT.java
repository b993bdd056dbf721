package io.aurora.server.localmesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.aurora.scheduling.mesos.http.HttpDriver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's failure handling against the embedded master (heartbeats every 200 ms, so the
 * client gives up on a silent stream after 1 s): a stream cut mid-record, a silent stream, and a
 * 307 from a master that is not the leader.
 */
class HttpDriverFaultsIT {
  @TempDir static Path workDir;
  private static LocalMesos mesos;
  private final List<HttpDriver> drivers = new ArrayList<>();

  @BeforeAll
  static void startMaster() {
    mesos = LocalMesos.start(MesosTesting.options(workDir, Duration.ofMillis(200)),
        Clock.systemUTC());
  }

  @AfterAll
  static void stopMaster() {
    mesos.close();
  }

  @AfterEach
  void tearDownFrameworks() {
    drivers.forEach(HttpDriver::teardown);
  }

  private RecordingListener subscribe(String address) {
    HttpDriver driver = MesosTesting.driver(address);
    drivers.add(driver);
    RecordingListener listener = new RecordingListener().autoAcknowledge(driver);
    driver.subscribe(Optional.empty(), listener);
    return listener;
  }

  @Test
  void streamCutMidRecord_disconnects_andResubscribesWithTheSameFrameworkId() throws Exception {
    try (TcpProxy proxy = new TcpProxy(mesos.port())) {
      RecordingListener events = subscribe(proxy.address());
      FrameworkID id = events.await(RecordingListener.Subscribed.class).frameworkId();
      proxy.cutExistingMidChunk();   // the next heartbeat arrives half-written, then EOF
      events.await(RecordingListener.Disconnected.class);
      RecordingListener.Subscribed again =
          events.await(RecordingListener.Subscribed.class, s -> true, 2);
      assertThat(again.frameworkId()).isEqualTo(id);
      assertThat(events.all(RecordingListener.Error.class)).isEmpty();
    }
  }

  @Test
  void silentStream_missedHeartbeats_resubscribes() throws Exception {
    try (TcpProxy proxy = new TcpProxy(mesos.port())) {
      RecordingListener events = subscribe(proxy.address());
      FrameworkID id = events.await(RecordingListener.Subscribed.class).frameworkId();
      long frozenAt = System.nanoTime();
      proxy.freezeExisting();   // connection stays open, nothing more arrives
      events.await(RecordingListener.Disconnected.class);
      long detectedMs = (System.nanoTime() - frozenAt) / 1_000_000;
      // 5 missed heartbeats of 200 ms: about 1 s, certainly not instantly nor after 10 s.
      assertThat(detectedMs).isBetween(700L, 5_000L);
      assertThat(events.await(RecordingListener.Subscribed.class, s -> true, 2).frameworkId())
          .isEqualTo(id);
    }
  }

  @Test
  void requestTimeout_doesNotCutALongLivedStream() throws Exception {
    // The request timeout bounds waiting for response headers, never the event stream itself.
    HttpDriver driver = new HttpDriver(
        io.aurora.scheduling.mesos.FrameworkOptions.of("t", "root", Duration.ofSeconds(10))
            .toFrameworkInfo(),
        new io.aurora.scheduling.mesos.http.MesosClientOptions(
            io.aurora.scheduling.mesos.http.MesosEncoding.PROTOBUF, 5, Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofMillis(300), 1 << 20),
        new io.aurora.scheduling.mesos.http.StaticMasterDetector(mesos.address()),
        HttpDriver.newHttpClient(Duration.ofSeconds(5)),
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
    drivers.add(driver);
    RecordingListener events = new RecordingListener().autoAcknowledge(driver);
    driver.subscribe(Optional.empty(), events);
    events.await(RecordingListener.Subscribed.class);
    await("no disconnection").during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
        .until(() -> events.all(RecordingListener.Disconnected.class).isEmpty());
  }

  @Test
  void redirectFromNonLeader_withSchemelessLocation_isFollowed() throws Exception {
    AtomicInteger redirected = new AtomicInteger();
    HttpServer follower = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    follower.createContext("/", exchange -> {
      redirected.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      // What a Mesos master that is not the leader sends: protocol-relative, path kept.
      exchange.getResponseHeaders().add("Location",
          "//127.0.0.1:" + mesos.port() + "/master/api/v1/scheduler");
      exchange.sendResponseHeaders(307, -1);
      exchange.close();
    });
    follower.start();
    try {
      RecordingListener events =
          subscribe("127.0.0.1:" + follower.getAddress().getPort());
      events.await(RecordingListener.Subscribed.class);
      assertThat(redirected.get()).isEqualTo(1);
      assertThat(events.awaitOffers(1)).isNotEmpty();
    } finally {
      follower.stop(0);
    }
  }

  @Test
  void callLargerThanUndertowsDefaultLimit_isReadNotRefused() throws Exception {
    // An ACCEPT launching thousands of tasks on one big agent runs past 10 MB; the master must
    // read it (and here answer 400 for the garbage it is) rather than refuse it with 413.
    byte[] body = new byte[12 << 20];
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(
                URI.create("http://" + mesos.address() + "/api/v1/scheduler"))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
  }
}
