package io.aurora.scheduling.mesos.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.mesos.DriverListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.InverseOffer;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.Test;

/** The HTTP driver hands INVERSE_OFFERS events to the listener. */
class ListenerCallsTest {
  @Test
  void inverseOffers_reachTheListener() {
    InverseOffer offer = InverseOffer.newBuilder().setId(OfferID.newBuilder().setValue("i3"))
        .setFrameworkId(FrameworkID.newBuilder().setValue("fw"))
        .setAgentId(AgentID.newBuilder().setValue("a1"))
        .setUnavailability(org.apache.mesos.v1.Protos.Unavailability.newBuilder()
            .setStart(org.apache.mesos.v1.Protos.TimeInfo.newBuilder().setNanoseconds(1)))
        .build();
    Event event = Event.newBuilder().setType(Event.Type.INVERSE_OFFERS)
        .setInverseOffers(Event.InverseOffers.newBuilder().addInverseOffers(offer)).build();
    List<InverseOffer> seen = new ArrayList<>();
    ListenerCalls.of(event).orElseThrow().accept(new DriverListener() {
      @Override
      public void subscribed(FrameworkID id, MasterInfo info) { }

      @Override
      public void offers(List<Offer> offers) { }

      @Override
      public void inverseOffers(List<InverseOffer> inverseOffers) {
        seen.addAll(inverseOffers);
      }

      @Override
      public void rescinded(OfferID offerId) { }

      @Override
      public void statusUpdate(TaskStatus status) { }

      @Override
      public void failure(Optional<AgentID> a, Optional<ExecutorID> e, OptionalInt s) { }

      @Override
      public void error(String message) { }

      @Override
      public void disconnected() { }
    });
    assertThat(seen).containsExactly(offer);
  }
}
