package io.aurora.scheduling.assign;

import static io.aurora.scheduling.filter.Fixtures.config;
import static io.aurora.scheduling.filter.Fixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.offers.HostOffers;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.resources.ResourceBag;
import io.aurora.scheduling.resources.Revocability;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.Test;

/** Tasks of revocable tiers go only on revocable CPUs (and RAM if enabled); others never do. */
class RevocablePlacementTest {
  private final TaskAssigner assigner = new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER);

  /** A task needing 1 cpu + 0.25 executor cpu = 1.25 cpus, 128 + 128 MB. */
  private static TaskConfig task(String tier) {
    return config("r", "job-" + tier, 1, 128, 10).setTier(tier);
  }

  private static HostOffer plainOffer(double cpus) {
    return offer("h", Map.of(), MaintenanceMode.NONE, cpus, 4096, 1000, 0, -1);
  }

  private AssignmentRound place(TaskConfig config, HostOffer offer, Revocability revocability) {
    TaskRequest request = TaskRequest.of(config, ExecutorSettings.DEFAULTS, revocability);
    return assigner.withoutCache().assign(List.of(new PendingGroup(request, List.of("t"))),
        List.of(offer), PlacementContext.empty());
  }

  @Test
  void revocableTask_onOfferWithOnlyNonRevocableCpus_doesNotFit() {
    AssignmentRound round = place(task("revocable"), plainOffer(8), Revocability.DEFAULTS);

    assertThat(round.assignments()).isEmpty();
    assertThat(round.nearestVetoes().values()).extracting(v -> v.reason())
        .containsExactly("Insufficient: revocable cpus");
  }

  @Test
  void revocableTask_fitsOnRevocableCpus_andTakesThemNotTheOthers() {
    HostOffer offer = plainOffer(0.5).withRevocable(4, 0);

    AssignmentRound round = place(task("revocable"), offer, Revocability.DEFAULTS);

    assertThat(round.assignments()).hasSize(1);
    HostOffer left = round.remaining().get(0);
    assertThat(left.revocableFree().cpus()).isCloseTo(2.75, within(1e-9));
    assertThat(left.free().cpus()).isCloseTo(0.5, within(1e-9));
    // RAM is not revocable by default: it came from the non-revocable pool.
    assertThat(left.free().ramMb()).isEqualTo(4096 - 256);
  }

  @Test
  void revocableRam_whenEnabled_comesFromRevocableRamOnly() {
    Revocability withRam = new Revocability(true, true, Set.of("revocable"));
    HostOffer noRevocableRam = plainOffer(0).withRevocable(4, 0);
    assertThat(place(task("revocable"), noRevocableRam, withRam).nearestVetoes().values())
        .extracting(v -> v.reason()).containsExactly("Insufficient: revocable ram");

    AssignmentRound round = place(task("revocable"), plainOffer(0).withRevocable(4, 1024), withRam);
    assertThat(round.assignments()).hasSize(1);
    assertThat(round.remaining().get(0).revocableFree().ramMb()).isEqualTo(1024 - 256);
    assertThat(round.remaining().get(0).free().ramMb()).isEqualTo(4096);
  }

  @Test
  void productionTask_ignoresRevocableCpus() {
    HostOffer offer = plainOffer(0.5).withRevocable(8, 8192);

    AssignmentRound round = place(task("preferred"), offer, Revocability.DEFAULTS);

    assertThat(round.assignments()).isEmpty();
    assertThat(round.nearestVetoes().values()).extracting(v -> v.reason())
        .containsExactly("Insufficient: cpus");
  }

  @Test
  void revocableCpusDisabled_revocableTaskUsesNonRevocableCpus() {
    Revocability noCpus = new Revocability(false, false, Set.of("revocable"));

    assertThat(place(task("revocable"), plainOffer(2), noCpus).assignments()).hasSize(1);
    assertThat(place(task("revocable"), plainOffer(0.5).withRevocable(8, 0), noCpus)
        .assignments()).isEmpty();
  }

  @Test
  void tierFromConfigFile_decidesRevocability() {
    Revocability custom = new Revocability(true, false, Set.of("scavenger"));

    assertThat(custom.revocablePart(task("scavenger"), new ResourceBag(1.25, 256, 10, 0, 0)))
        .isEqualTo(new ResourceBag(1.25, 0, 0, 0, 0));
    assertThat(custom.revocablePart(task("revocable"), new ResourceBag(1.25, 256, 10, 0, 0)))
        .isEqualTo(ResourceBag.EMPTY);
    assertThat(custom.isRevocable(config("r", "untiered", 1, 1, 1))).isFalse();
  }

  @Test
  void hostOffers_keepRevocableCpusAndRamApart() {
    Offer offer = Offer.newBuilder()
        .setId(OfferID.newBuilder().setValue("o1"))
        .setFrameworkId(FrameworkID.newBuilder().setValue("f"))
        .setAgentId(AgentID.newBuilder().setValue("a1"))
        .setHostname("h1")
        .addResources(scalar("cpus", 2, false))
        .addResources(scalar("cpus", 6, true))
        .addResources(scalar("mem", 1024, false))
        .addResources(scalar("mem", 512, true))
        .addResources(scalar("disk", 100, true))
        .build();

    HostOffer host = HostOffers.from(offer, MaintenanceMode.NONE);

    assertThat(host.free().cpus()).isEqualTo(2);
    assertThat(host.free().ramMb()).isEqualTo(1024);
    assertThat(host.free().diskMb()).isZero();
    assertThat(host.revocableFree()).isEqualTo(new ResourceBag(6, 512, 0, 0, 0));
  }

  private static Resource scalar(String name, double value, boolean revocable) {
    Resource.Builder r = Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value));
    if (revocable) {
      r.setRevocable(Resource.RevocableInfo.getDefaultInstance());
    }
    return r.build();
  }
}
