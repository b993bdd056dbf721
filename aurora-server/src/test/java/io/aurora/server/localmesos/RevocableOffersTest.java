package io.aurora.server.localmesos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.junit.jupiter.api.Test;

/** Revocable CPUs of simulated agents: kept apart, and offered only to frameworks that ask. */
class RevocableOffersTest {
  private static final Resources AGENT =
      Resources.parse("cpus:1;mem:1024").plus(Resources.revocable("cpus", 4));

  private static final class IdleAgent implements Agent {
    @Override public AgentInfo info() {
      return AgentInfo.newBuilder().setId(AgentID.newBuilder().setValue("a1")).setHostname("h1")
          .addAllResources(AGENT.toProtos("*")).build();
    }

    @Override public void launch(FrameworkID frameworkId, TaskInfo task) {}

    @Override public void kill(FrameworkID frameworkId, TaskID taskId) {}

    @Override public void shutdown() {}
  }

  private static FrameworkState framework(String id, boolean revocable) {
    FrameworkInfo.Builder info = FrameworkInfo.newBuilder().setUser("u").setName(id);
    if (revocable) {
      info.addCapabilities(FrameworkInfo.Capability.newBuilder()
          .setType(FrameworkInfo.Capability.Type.REVOCABLE_RESOURCES));
    }
    return new FrameworkState(FrameworkID.newBuilder().setValue(id).build(), info.build());
  }

  private static double cpus(Offer offer, boolean revocable) {
    return offer.getResourcesList().stream()
        .filter(r -> r.getName().equals("cpus") && r.hasRevocable() == revocable)
        .mapToDouble(r -> r.getScalar().getValue()).sum();
  }

  @Test
  void revocableResources_surviveTheRoundTripThroughProtos_apartFromOthers() {
    List<Resource> protos = AGENT.toProtos("*");
    assertThat(protos).filteredOn(Resource::hasRevocable).extracting(Resource::getName)
        .containsExactly("cpus");
    Resources back = Resources.of(protos);
    assertThat(back.scalar("cpus")).isEqualTo(1.0);
    assertThat(back.scalar("cpus" + Resources.REVOCABLE)).isEqualTo(4.0);
    // Revocable CPUs do not stand in for non-revocable ones.
    assertThat(back.contains(Resources.parse("cpus:2"))).isFalse();
    assertThat(back.contains(Resources.revocable("cpus", 2))).isTrue();
    assertThat(back.withoutRevocable().scalar("cpus" + Resources.REVOCABLE)).isZero();
  }

  @Test
  void frameworkWithoutTheCapability_isNotOfferedRevocableCpus() {
    ResourceLedger ledger = new ResourceLedger("m");
    ledger.addAgent(new IdleAgent());
    FrameworkState plain = framework("plain", false);

    Map<FrameworkState, List<Offer>> made = ledger.allocate(List.of(plain), Instant.EPOCH);

    Offer offer = made.get(plain).get(0);
    assertThat(cpus(offer, false)).isEqualTo(1.0);
    assertThat(cpus(offer, true)).isZero();
  }

  @Test
  void frameworkWithTheCapability_isOfferedRevocableCpus_andTheyStayFreeForIt() {
    ResourceLedger ledger = new ResourceLedger("m");
    ledger.addAgent(new IdleAgent());
    FrameworkState plain = framework("plain", false);
    FrameworkState revocable = framework("revocable", true);

    // The first round's first framework is "plain": it takes the non-revocable part only.
    Map<FrameworkState, List<Offer>> first = ledger.allocate(List.of(plain, revocable), Instant.EPOCH);
    assertThat(first).containsOnlyKeys(plain);
    ledger.withdrawAll(plain.id);

    Map<FrameworkState, List<Offer>> second = ledger.allocate(List.of(revocable), Instant.EPOCH);
    Offer offer = second.get(revocable).get(0);
    assertThat(cpus(offer, true)).isEqualTo(4.0);
    assertThat(cpus(offer, false)).isEqualTo(1.0);
  }
}
