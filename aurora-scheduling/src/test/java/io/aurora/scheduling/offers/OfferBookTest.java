package io.aurora.scheduling.offers;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.MaintenanceMode;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.mesos.FakeDriver;
import io.aurora.scheduling.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

class OfferBookTest {
  private final FakeDriver driver = new FakeDriver();
  private final FakeClock clock = new FakeClock();
  private final OfferBook book = new OfferBook(driver, clock, new Random(7), OfferOptions.DEFAULTS);

  static Offer offer(String id, String agent) {
    return Offer.newBuilder()
        .setId(OfferID.newBuilder().setValue(id))
        .setFrameworkId(FrameworkID.newBuilder().setValue("fw"))
        .setAgentId(AgentID.newBuilder().setValue(agent))
        .setHostname("host-" + agent)
        .addResources(scalar("cpus", 4))
        .addResources(scalar("mem", 1024))
        .addResources(scalar("disk", 2048))
        .addResources(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
            .setRanges(Value.Ranges.newBuilder()
                .addRange(Value.Range.newBuilder().setBegin(31000).setEnd(31009))))
        .addAttributes(Attribute.newBuilder().setName("rack").setType(Value.Type.TEXT)
            .setText(Value.Text.newBuilder().setValue("r1")))
        .build();
  }

  static Resource scalar(String name, double v) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(v)).build();
  }

  @Test
  void unusedOffer_isDeclinedAfterHoldTimePlusJitter_withFilter() {
    book.add(List.of(offer("o1", "a1")));
    clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(book.declineExpired()).isZero();
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(book.declineExpired()).isEqualTo(1);
    Call decline = driver.calls(Call.Type.DECLINE).get(0);
    assertThat(decline.getDecline().getOfferIdsList()).extracting(OfferID::getValue).containsExactly("o1");
    assertThat(decline.getDecline().getFilters().getRefuseSeconds()).isEqualTo(5.0);
    assertThat(book.size()).isZero();
  }

  @Test
  void secondOfferForAnAgent_declinesBoth() {
    book.add(List.of(offer("o1", "a1"), offer("o2", "a1")));
    assertThat(book.size()).isZero();
    assertThat(driver.calls(Call.Type.DECLINE).get(0).getDecline().getOfferIdsList())
        .extracting(OfferID::getValue).containsExactlyInAnyOrder("o1", "o2");
  }

  @Test
  void rescind_removes_andAnEarlyRescindDropsTheLateOffer() {
    book.add(List.of(offer("o1", "a1")));
    book.rescind(OfferID.newBuilder().setValue("o1").build());
    assertThat(book.offers()).isEmpty();
    book.rescind(OfferID.newBuilder().setValue("o2").build());
    book.add(List.of(offer("o2", "a2")));
    assertThat(book.offers()).isEmpty();
  }

  @Test
  void take_removesTheOffers() {
    book.add(List.of(offer("o1", "a1"), offer("o2", "a2")));
    assertThat(book.take(List.of("o1", "nope"))).extracting(HeldOffer::id).containsExactly("o1");
    assertThat(book.offers()).extracting(HeldOffer::id).containsExactly("o2");
  }

  @Test
  void holdForever_neverDeclines() {
    OfferBook forever = new OfferBook(driver, clock, new Random(1),
        new OfferOptions(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(5), true));
    forever.add(List.of(offer("o1", "a1")));
    clock.advance(Duration.ofDays(30));
    assertThat(forever.declineExpired()).isZero();
  }

  @Test
  void hostOffer_readsResourcesPortsAndAttributes() {
    HostOffer h = HostOffers.from(offer("o1", "a1"), MaintenanceMode.NONE);
    assertThat(h.free().cpus()).isEqualTo(4);
    assertThat(h.free().ramMb()).isEqualTo(1024);
    assertThat(h.free().ports()).isEqualTo(10);
    assertThat(h.values("rack")).containsExactly("r1");
    assertThat(h.values("host")).containsExactly("host-a1");
    assertThat(h.hostname()).isEqualTo("host-a1");
  }
}
