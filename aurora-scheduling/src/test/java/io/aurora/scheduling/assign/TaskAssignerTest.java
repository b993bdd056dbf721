package io.aurora.scheduling.assign;

import static io.aurora.scheduling.filter.Fixtures.config;
import static io.aurora.scheduling.filter.Fixtures.offer;
import static io.aurora.scheduling.filter.Fixtures.withLimit;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.resources.ExecutorSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskAssignerTest {
  private final TaskAssigner assigner = new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER);

  private static PendingGroup group(TaskConfig config, int tasks) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      ids.add(config.getJob().getName() + "-" + i);
    }
    return new PendingGroup(TaskRequest.of(config, ExecutorSettings.DEFAULTS), ids);
  }

  @Test
  void manyTasksGoToOneOffer_untilItIsFull() {
    // Each task needs 0.75 cpus (0.5 + 0.25 overhead) and 256 MB: 5 fit in 4 cpus.
    HostOffer big = offer("h1", Map.of(), MaintenanceMode.NONE, 4, 8192, 10_000, 31000, 31100);
    AssignmentRound round = assigner.assign(
        List.of(group(config("r", "web", 0.5, 128, 10, "http"), 8)), List.of(big),
        PlacementContext.empty());
    assertThat(round.assignments()).hasSize(5);
    assertThat(round.assignments()).allMatch(a -> a.offerId().equals("o-h1"));
    Set<Integer> ports = new HashSet<>();
    round.assignments().forEach(a -> ports.add(a.ports().get("http")));
    assertThat(ports).containsExactlyInAnyOrder(31000, 31001, 31002, 31003, 31004);
    assertThat(round.nearestVetoes().values()).extracting(v -> v.reason())
        .containsExactly("Insufficient: cpus");
    assertThat(round.remaining().get(0).free().cpus()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void limitConstraint_spreadsAcrossHosts() {
    TaskConfig c = withLimit(config("r", "spread", 0.1, 16, 1), "host", 1);
    List<HostOffer> offers = List.of(
        offer("a", Map.of("host", Set.of("a")), MaintenanceMode.NONE, 8, 8192, 1000, 0, -1),
        offer("b", Map.of("host", Set.of("b")), MaintenanceMode.NONE, 8, 8192, 1000, 0, -1));
    AssignmentRound round = assigner.assign(List.of(group(c, 3)), offers, PlacementContext.empty());
    assertThat(round.assignments()).extracting(Assignment::hostname).containsExactly("a", "b");
    assertThat(round.nearestVetoes().get(c).reason()).isEqualTo("Limit not satisfied: host");
  }

  @Test
  void staticVetoes_areCachedPerGroupAndOffer_andDroppedWithTheOffer() {
    TaskConfig c = config("r", "j", 1, 16, 1);
    HostOffer drained = offer("d", Map.of(), MaintenanceMode.DRAINED, 8, 8192, 1000, 0, -1);
    assigner.assign(List.of(group(c, 1)), List.of(drained), PlacementContext.empty());
    assertThat(assigner.cachedVetoCount()).isEqualTo(1);
    AssignmentRound again =
        assigner.assign(List.of(group(c, 1)), List.of(drained), PlacementContext.empty());
    assertThat(again.nearestVetoes().get(c).reason()).isEqualTo("Host drained for maintenance");
    assigner.assign(List.of(group(c, 1)), List.of(), PlacementContext.empty());
    assertThat(assigner.cachedVetoCount()).isZero();
  }

  @Test
  void staticVetoCache_holdsNoMoreThanItsBound_andStillVetoes() {
    TaskAssigner bounded = new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER, 1);
    TaskConfig c = config("r", "j", 1, 16, 1);
    List<HostOffer> drained = List.of(
        offer("d1", Map.of(), MaintenanceMode.DRAINED, 8, 8192, 1000, 0, -1),
        offer("d2", Map.of(), MaintenanceMode.DRAINED, 8, 8192, 1000, 0, -1));
    for (int round = 0; round < 2; round++) {
      AssignmentRound r = bounded.assign(List.of(group(c, 1)), drained, PlacementContext.empty());
      assertThat(r.assignments()).isEmpty();
      assertThat(r.nearestVetoes().get(c).reason()).isEqualTo("Host drained for maintenance");
      assertThat(bounded.cachedVetoCount()).isEqualTo(1);
    }
  }

  @Test
  void laterGroupsSeeWhatEarlierGroupsTook() {
    HostOffer one = offer("h", Map.of(), MaintenanceMode.NONE, 1.0, 1024, 1000, 0, -1);
    TaskConfig first = config("r", "first", 0.5, 100, 1);
    TaskConfig second = config("r", "second", 0.5, 100, 1);
    AssignmentRound round =
        assigner.assign(List.of(group(first, 1), group(second, 1)), List.of(one), PlacementContext.empty());
    assertThat(round.assignments()).extracting(Assignment::taskId).containsExactly("first-0");
    assertThat(round.nearestVetoes()).containsOnlyKeys(second);
  }

  @Test
  void scorer_decidesWhichOfferIsFilledFirst() {
    TaskAssigner packer = new TaskAssigner(FilterChain.standard(), Scorer.BIN_PACK);
    List<HostOffer> offers = List.of(
        offer("roomy", Map.of(), MaintenanceMode.NONE, 16, 16384, 1000, 0, -1),
        offer("snug", Map.of(), MaintenanceMode.NONE, 2, 16384, 1000, 0, -1));
    AssignmentRound round = packer.assign(
        List.of(group(config("r", "j", 0.25, 16, 1), 1)), offers, PlacementContext.empty());
    assertThat(round.assignments()).extracting(Assignment::hostname).containsExactly("snug");
  }
}
