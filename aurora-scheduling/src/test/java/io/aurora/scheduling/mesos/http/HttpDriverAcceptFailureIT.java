package io.aurora.scheduling.mesos.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aurora.scheduling.mesos.DriverListener;
import io.aurora.scheduling.mesos.FrameworkOptions;
import io.aurora.scheduling.mesos.recordio.RecordIoEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpDriver} against a minimal master on 127.0.0.1 (the JDK's HTTP server): it subscribes
 * the framework and answers an ACCEPT of an offer whose id starts with {@code refuse} with 500,
 * every other call with 202. Only the refused ACCEPT is reported to the listener.
 */
class HttpDriverAcceptFailureIT {
  private final BlockingQueue<Failed> failures = new LinkedBlockingQueue<>();
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final ScheduledExecutorService driverThread =
      Executors.newSingleThreadScheduledExecutor();
  private HttpServer master;
  private HttpDriver driver;
  private volatile HttpExchange stream;

  private record Failed(List<OfferID> offerIds, List<Offer.Operation> operations, String reason) {}

  @BeforeEach
  void start() throws Exception {
    master = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    master.setExecutor(handlers);
    master.createContext(HttpDriver.PATH, this::handle);
    master.start();
    driver = new HttpDriver(
        FrameworkOptions.of("t", "root", Duration.ofSeconds(60)).toFrameworkInfo(),
        MesosClientOptions.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
        new StaticMasterDetector("127.0.0.1:" + master.getAddress().getPort()),
        HttpDriver.newHttpClient(Duration.ofSeconds(5)), driverThread);
    driver.subscribe(Optional.empty(), new Listener());
    assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @AfterEach
  void stop() {
    driver.stop();
    if (stream != null) {
      stream.close();
    }
    master.stop(0);
    handlers.shutdownNow();
    driverThread.shutdownNow();
  }

  @Test
  void acceptAnsweredWithAnError_isReported_withItsOffersAndOperations() throws Exception {
    OfferID offer = OfferID.newBuilder().setValue("refuse-1").build();
    List<Offer.Operation> ops = List.of(launch("task-1"));
    driver.accept(List.of(offer), ops, Filters.getDefaultInstance());

    Failed failed = failures.poll(10, TimeUnit.SECONDS);
    assertThat(failed).isNotNull();
    assertThat(failed.offerIds()).containsExactly(offer);
    assertThat(failed.operations()).isEqualTo(ops);
    assertThat(failed.reason()).isEqualTo("the Mesos master answered 500 no such agent");
  }

  @Test
  void acceptTheMasterTook_isNotReported() throws Exception {
    driver.accept(List.of(OfferID.newBuilder().setValue("ok-1").build()), List.of(launch("a")),
        Filters.getDefaultInstance());
    // Calls share one pipelined connection and answers are handled in order: once the refusal
    // of the second ACCEPT is reported, the first one's 202 has been handled too.
    driver.accept(List.of(OfferID.newBuilder().setValue("refuse-2").build()),
        List.of(launch("b")), Filters.getDefaultInstance());

    Failed failed = failures.poll(10, TimeUnit.SECONDS);
    assertThat(failed).isNotNull();
    assertThat(failed.offerIds()).extracting(OfferID::getValue).containsExactly("refuse-2");
    assertThat(failures.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  private static Offer.Operation launch(String taskId) {
    return Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH)
        .setLaunch(Offer.Operation.Launch.newBuilder().addTaskInfos(TaskInfo.newBuilder()
            .setName(taskId).setTaskId(TaskID.newBuilder().setValue(taskId))
            .setAgentId(AgentID.newBuilder().setValue("agent-1"))))
        .build();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Call call = MesosEncoding.PROTOBUF.decode(exchange.getRequestBody().readAllBytes(),
        Call.newBuilder());
    if (call.getType() == Call.Type.SUBSCRIBE) {
      exchange.getResponseHeaders().add("Content-Type", MesosEncoding.PROTOBUF.mediaType());
      exchange.getResponseHeaders().add(HttpDriver.STREAM_ID, "stream-1");
      exchange.sendResponseHeaders(200, 0);   // chunked, left open: the event stream
      Event event = Event.newBuilder().setType(Event.Type.SUBSCRIBED)
          .setSubscribed(Event.Subscribed.newBuilder()
              .setFrameworkId(FrameworkID.newBuilder().setValue("fw-1"))
              .setHeartbeatIntervalSeconds(60))
          .build();
      OutputStream out = exchange.getResponseBody();
      out.write(RecordIoEncoder.encode(MesosEncoding.PROTOBUF.encode(event)));
      out.flush();
      stream = exchange;
      return;
    }
    boolean refuse = call.getType() == Call.Type.ACCEPT
        && call.getAccept().getOfferIds(0).getValue().startsWith("refuse");
    if (refuse) {
      byte[] body = "no such agent".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(500, body.length);
      exchange.getResponseBody().write(body);
    } else {
      exchange.sendResponseHeaders(202, -1);
    }
    exchange.close();
  }

  private final class Listener implements DriverListener {
    @Override
    public void subscribed(FrameworkID frameworkId, MasterInfo masterInfo) {
      subscribed.countDown();
    }

    @Override
    public void acceptFailed(List<OfferID> offerIds, List<Offer.Operation> operations,
        String reason) {
      failures.add(new Failed(offerIds, operations, reason));
    }

    @Override
    public void offers(List<Offer> offers) { }

    @Override
    public void rescinded(OfferID offerId) { }

    @Override
    public void statusUpdate(TaskStatus status) { }

    @Override
    public void failure(Optional<AgentID> agentId, Optional<ExecutorID> executorId,
        OptionalInt status) { }

    @Override
    public void error(String message) { }

    @Override
    public void disconnected() { }
  }
}
