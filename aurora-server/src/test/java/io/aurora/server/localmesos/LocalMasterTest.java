package io.aurora.server.localmesos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The master without HTTP: a recording sink stands in for the subscription stream. */
class LocalMasterTest {
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final LocalMaster master = new LocalMaster(
      MasterInfo.newBuilder().setId("m").setIp(0).setPort(1).build(),
      MesosTesting.options(Path.of("unused"), Duration.ofSeconds(30)), scheduler,
      Clock.systemUTC());

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static final class Sink implements EventSink {
    final List<Event> events = new ArrayList<>();
    boolean closed;

    @Override public String streamId() {
      return "s-" + System.identityHashCode(this);
    }

    @Override public synchronized void send(Event event) {
      events.add(event);
    }

    @Override public synchronized void close() {
      closed = true;
    }

    Event await(Event.Type type) {
      return Awaitility.await("a " + type + " event").atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(10)).until(() -> first(type), Optional::isPresent)
          .orElseThrow();
    }

    private synchronized Optional<Event> first(Event.Type type) {
      return events.stream().filter(e -> e.getType() == type).findFirst();
    }
  }

  private static Call subscribe(double failoverSeconds, Optional<FrameworkID> id) {
    FrameworkInfo.Builder info = FrameworkInfo.newBuilder().setUser("u").setName("f")
        .setFailoverTimeout(failoverSeconds);
    Call.Builder call = Call.newBuilder().setType(Call.Type.SUBSCRIBE);
    id.ifPresent(i -> {
      info.setId(i);
      call.setFrameworkId(i);
    });
    return call.setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(info)).build();
  }

  private void addSimulatedAgent() {
    master.addAgent(new SimulatedAgent(AgentInfo.newBuilder()
        .setId(AgentID.newBuilder().setValue("a1")).setHostname("h1")
        .addAllResources(Resources.parse("cpus:2;mem:1024").toProtos("*")).build(),
        master.agentSink(), scheduler, Clock.systemUTC(), Optional.empty(),
        TaskState.TASK_FINISHED));
  }

  @Test
  void failoverTimeoutExpiry_removesTheFramework() throws Exception {
    Sink first = new Sink();
    master.subscribe(subscribe(0.2, Optional.empty()), first);
    FrameworkID id = first.await(Event.Type.SUBSCRIBED).getSubscribed().getFrameworkId();
    master.disconnected(first);

    // The 0.2 s failover timer is the last task the master's executor holds: wait until it ran.
    Awaitility.await("the failover timeout to expire").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10)).until(() -> scheduler.getQueue().isEmpty()
            && scheduler.getCompletedTaskCount() == scheduler.getTaskCount());
    Sink second = new Sink();
    master.subscribe(subscribe(0.2, Optional.of(id)), second);
    assertThat(second.await(Event.Type.ERROR).getError().getMessage())
        .isEqualTo("Framework has been removed");
    assertThat(second.closed).isTrue();
  }

  @Test
  void resubscribeWithinFailoverTimeout_keepsTheFramework_andReofferesResources()
      throws Exception {
    addSimulatedAgent();
    Sink first = new Sink();
    master.subscribe(subscribe(60, Optional.empty()), first);
    FrameworkID id = first.await(Event.Type.SUBSCRIBED).getSubscribed().getFrameworkId();
    Offer offer = first.await(Event.Type.OFFERS).getOffers().getOffers(0);
    assertThat(Resources.of(offer.getResourcesList()).scalar("cpus")).isEqualTo(2.0);
    master.disconnected(first);

    Sink second = new Sink();
    master.subscribe(subscribe(60, Optional.of(id)), second);
    assertThat(second.await(Event.Type.SUBSCRIBED).getSubscribed().getFrameworkId()).isEqualTo(id);
    // The old offer died with the old subscription; its resources come back in a new one.
    Offer again = second.await(Event.Type.OFFERS).getOffers().getOffers(0);
    assertThat(again.getId()).isNotEqualTo(offer.getId());
    assertThat(Resources.of(again.getResourcesList()).scalar("cpus")).isEqualTo(2.0);
    assertThat(master.call(Call.newBuilder().setType(Call.Type.DECLINE).setFrameworkId(id)
        .setDecline(Call.Decline.newBuilder().addOfferIds(offer.getId())).build(),
        second.streamId()).status()).isEqualTo(202);
    assertThat(master.call(Call.newBuilder().setType(Call.Type.REVIVE).setFrameworkId(id).build(),
        first.streamId()).status()).as("old stream id").isEqualTo(400);
  }

  @Test
  void callsOfADisconnectedFramework_are403() throws Exception {
    Sink sink = new Sink();
    master.subscribe(subscribe(60, Optional.empty()), sink);
    FrameworkID id = sink.await(Event.Type.SUBSCRIBED).getSubscribed().getFrameworkId();
    master.disconnected(sink);
    assertThat(master.call(Call.newBuilder().setType(Call.Type.REVIVE).setFrameworkId(id).build(),
        sink.streamId()).status()).isEqualTo(403);
  }

  @Test
  void subscribe_withMismatchedIds_isInvalid() {
    Call call = subscribe(1, Optional.of(FrameworkID.newBuilder().setValue("a").build()))
        .toBuilder().setFrameworkId(FrameworkID.newBuilder().setValue("b")).build();
    assertThat(LocalMaster.validateSubscribe(call)).hasValueSatisfying(
        m -> assertThat(m).contains("differs"));
    assertThat(LocalMaster.validateSubscribe(subscribe(1, Optional.empty()))).isEmpty();
  }
}
