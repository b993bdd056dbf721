package io.aurora.scheduling.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.runtime.SchedulerEvents;
import io.aurora.scheduling.testing.SchedulerHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.InverseOffer;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.Protos.Unavailability;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/**
 * Mesos maintenance at the driver boundary: inverse offers are accepted and their unavailability
 * reaches maintenance by host name, as does an offer's.
 */
class MesosMaintenanceTest {
  private final SchedulerHarness h = new SchedulerHarness();
  private final List<Map.Entry<String, Long>> announced = new ArrayList<>();
  private final SchedulerEvents events = new SchedulerEvents(h.writer, h.offers, h.statusUpdates,
      () -> { }, () -> { }, () -> { }, h.launchFailures::markLost, h.driver,
      (host, startMs) -> announced.add(Map.entry(host, startMs)));

  private static Unavailability at(long ms) {
    return Unavailability.newBuilder()
        .setStart(TimeInfo.newBuilder().setNanoseconds(ms * 1_000_000))
        .setDuration(DurationInfo.newBuilder().setNanoseconds(3_600_000_000_000L)).build();
  }

  private static InverseOffer inverse(String id, String agent, long startMs) {
    return InverseOffer.newBuilder().setId(OfferID.newBuilder().setValue(id))
        .setFrameworkId(org.apache.mesos.v1.Protos.FrameworkID.newBuilder().setValue("fw"))
        .setAgentId(AgentID.newBuilder().setValue(agent)).setUnavailability(at(startMs)).build();
  }

  @Test
  void inverseOffers_areAccepted_andAnnounceTheirHost() {
    h.offer("a1", 1, 64);
    h.driver.clearCalls();
    events.inverseOffers(List.of(inverse("i1", "a1", 5_000), inverse("i2", "stranger", 6_000)));
    assertThat(announced).containsExactly(Map.entry("a1.example", 5_000L));
    assertThat(h.driver.calls(Call.Type.ACCEPT_INVERSE_OFFERS)).singleElement()
        .satisfies(c -> assertThat(c.getAcceptInverseOffers().getInverseOfferIdsList())
            .extracting(OfferID::getValue).containsExactly("i1", "i2"));
  }

  @Test
  void offersWithUnavailability_announceTheirHost() {
    Offer offer = h.offer("a2", 1, 64).toBuilder().setUnavailability(at(7_000)).build();
    events.offers(List.of(offer.toBuilder().setId(OfferID.newBuilder().setValue("other")).build()));
    assertThat(announced).containsExactly(Map.entry("a2.example", 7_000L));
  }
}
