package io.aurora.scheduling.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.Test;

class OfferOrderTest {
  private static HeldOffer held(String id, double cpus, double mem, double disk, double revocableCpus) {
    Offer.Builder offer = Offer.newBuilder()
        .setId(OfferID.newBuilder().setValue(id))
        .setFrameworkId(FrameworkID.newBuilder().setValue("fw"))
        .setAgentId(AgentID.newBuilder().setValue("agent-" + id))
        .setHostname("host-" + id)
        .addResources(scalar("cpus", cpus))
        .addResources(scalar("mem", mem))
        .addResources(scalar("disk", disk));
    if (revocableCpus > 0) {
      offer.addResources(scalar("cpus", revocableCpus).toBuilder()
          .setRevocable(Resource.RevocableInfo.getDefaultInstance()));
    }
    return new HeldOffer(offer.build(), Instant.MAX);
  }

  private static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }

  private static List<String> ids(List<OfferOrder> keys, List<HeldOffer> offers, long seed) {
    return OfferOrder.arrange(keys, offers, new Random(seed)).stream().map(HeldOffer::id).toList();
  }

  private final List<HeldOffer> offers = List.of(
      held("a", 8, 100, 10, 0), held("b", 2, 300, 30, 4), held("c", 2, 200, 20, 1),
      held("d", 4, 100, 40, 2));

  @Test
  void cpu_putsTheFewestCpusFirst_andLaterKeysBreakTies() {
    assertThat(ids(List.of(OfferOrder.CPU), offers, 1)).containsExactly("b", "c", "d", "a");
    assertThat(ids(List.of(OfferOrder.CPU, OfferOrder.MEMORY), offers, 1))
        .containsExactly("c", "b", "d", "a");
  }

  @Test
  void memoryDiskAndRevocableCpu_orderByTheirResource() {
    assertThat(ids(List.of(OfferOrder.MEMORY, OfferOrder.DISK), offers, 1))
        .containsExactly("a", "d", "c", "b");
    assertThat(ids(List.of(OfferOrder.DISK), offers, 1)).containsExactly("a", "c", "b", "d");
    assertThat(ids(List.of(OfferOrder.REVOCABLE_CPU), offers, 1))
        .containsExactly("a", "c", "d", "b");
  }

  @Test
  void random_shufflesEveryOfferOnce_andDiffersBetweenDraws() {
    Set<List<String>> seen = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      List<String> order = ids(List.of(OfferOrder.RANDOM), offers, seed);
      assertThat(order).containsExactlyInAnyOrder("a", "b", "c", "d");
      seen.add(order);
    }
    assertThat(seen).hasSizeGreaterThan(1);
  }

  @Test
  void arrange_leavesItsInputAlone() {
    List<HeldOffer> input = new java.util.ArrayList<>(offers);
    OfferOrder.arrange(List.of(OfferOrder.CPU), input, new Random(1));
    assertThat(input).isEqualTo(offers);
  }
}
