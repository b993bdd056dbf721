package io.aurora.scheduling.assign;

import static io.aurora.scheduling.filter.Fixtures.config;
import static io.aurora.scheduling.filter.Fixtures.offer;
import static io.aurora.scheduling.filter.Fixtures.withLimit;
import static io.aurora.scheduling.filter.Fixtures.withValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.Constraint;
import io.aurora.gen.JobKey;
import io.aurora.gen.MaintenanceMode;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.JobAttributeCounts;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.resources.PortRange;
import io.aurora.scheduling.resources.ResourceBag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Placement safety and liveness on seeded random clusters. Each seed builds agents (some
 * dedicated, some draining or drained, attributes rack and host) and jobs (some with value
 * constraints, some with limits), then runs rounds with offers of each agent's remaining capacity.
 * After every round: no agent is over-committed, no value or limit constraint is violated, nothing
 * is on a DRAINING/DRAINED host, and every task left pending is vetoed on every agent as it is
 * (so any feasible task was placed). A failure names its seed.
 */
class TaskAssignerSimTest {

  private record Agent(String host, Map<String, Set<String>> attrs, MaintenanceMode mode,
      ResourceBag capacity) {}

  @Test
  void randomClusters_placementIsSafeAndComplete() {
    for (long seed = 1; seed <= 40; seed++) {
      runSeed(seed);
    }
  }

  private void runSeed(long seed) {
    Random rnd = new Random(seed);
    List<Agent> agents = new ArrayList<>();
    int agentCount = 5 + rnd.nextInt(30);
    for (int i = 0; i < agentCount; i++) {
      Map<String, Set<String>> attrs = new HashMap<>();
      attrs.put("host", Set.of("h" + i));
      attrs.put("rack", Set.of("r" + rnd.nextInt(4)));
      if (rnd.nextInt(8) == 0) {
        attrs.put("dedicated", Set.of("role0/db"));
      }
      MaintenanceMode mode = switch (rnd.nextInt(10)) {
        case 0 -> MaintenanceMode.DRAINING;
        case 1 -> MaintenanceMode.DRAINED;
        case 2 -> MaintenanceMode.SCHEDULED;
        default -> MaintenanceMode.NONE;
      };
      agents.add(new Agent("h" + i, attrs, mode,
          new ResourceBag(1 + rnd.nextInt(8), 1024L * (1 + rnd.nextInt(8)), 10_000, 0, 20)));
    }
    List<PendingGroup> pending = new ArrayList<>();
    Map<String, TaskConfig> configOf = new HashMap<>();
    int jobs = 1 + rnd.nextInt(8);
    for (int j = 0; j < jobs; j++) {
      TaskConfig c = config("role" + rnd.nextInt(2), "job" + j, 0.25 * (1 + rnd.nextInt(6)),
          64L * (1 + rnd.nextInt(16)), 100, rnd.nextBoolean() ? new String[] {"http"} : new String[0]);
      switch (rnd.nextInt(5)) {
        case 0 -> withValue(c, "rack", rnd.nextBoolean(), "r" + rnd.nextInt(4));
        case 1 -> withLimit(c, "host", 1 + rnd.nextInt(2));
        case 2 -> withLimit(c, "rack", 1 + rnd.nextInt(3));
        case 3 -> withValue(c, "dedicated", false, "role0/db");
        default -> { }
      }
      List<String> ids = new ArrayList<>();
      for (int t = 0; t < 1 + rnd.nextInt(20); t++) {
        String id = "job" + j + "-" + t;
        ids.add(id);
        configOf.put(id, c);
      }
      pending.add(new PendingGroup(TaskRequest.of(c, ExecutorSettings.DEFAULTS), ids));
    }

    Map<String, String> placedOn = new LinkedHashMap<>();
    Map<String, ResourceBag> used = new HashMap<>();
    TaskAssigner assigner = new TaskAssigner(FilterChain.standard(),
        rnd.nextBoolean() ? Scorer.BIN_PACK : Scorer.SPREAD);
    Map<String, Agent> byHost = new HashMap<>();
    agents.forEach(a -> byHost.put(a.host(), a));
    for (int round = 0; round < 3; round++) {
      List<HostOffer> offers = new ArrayList<>();
      for (Agent a : agents) {
        ResourceBag free = a.capacity().minus(used.getOrDefault(a.host(), ResourceBag.EMPTY));
        offers.add(new HostOffer("o" + round + "-" + a.host(), "a-" + a.host(), a.host(),
            a.attrs(), a.mode(), free, free.ports() == 0 ? List.of()
                : List.of(new PortRange(31000 + 20 - free.ports(), 31019)), 0));
      }
      PlacementContext context = new PlacementContext(job -> countsOf(job, placedOn, configOf, byHost));
      AssignmentRound result = assigner.assign(pending, offers, context);
      for (Assignment a : result.assignments()) {
        assertThat(placedOn).as("seed %d: placed twice", seed).doesNotContainKey(a.taskId());
        placedOn.put(a.taskId(), a.hostname());
        used.merge(a.hostname(), a.request().need(), ResourceBag::plus);
      }
      // Safety.
      for (Agent a : agents) {
        ResourceBag u = used.getOrDefault(a.host(), ResourceBag.EMPTY);
        assertThat(a.capacity().minus(u).anyNegative()).as("seed %d over-commits %s", seed, a.host())
            .isFalse();
        if (u.cpus() > 0) {
          assertThat(a.mode()).as("seed %d places on maintenance host", seed)
              .isIn(MaintenanceMode.NONE, MaintenanceMode.SCHEDULED);
        }
      }
      checkConstraints(seed, placedOn, configOf, byHost);
      // Completeness: each task still pending is vetoed everywhere as the cluster is now.
      List<PendingGroup> left = new ArrayList<>();
      PlacementContext after = new PlacementContext(job -> countsOf(job, placedOn, configOf, byHost));
      FilterChain chain = FilterChain.standard();
      for (PendingGroup g : pending) {
        List<String> ids = g.taskIds().stream().filter(id -> !placedOn.containsKey(id)).toList();
        if (ids.isEmpty()) {
          continue;
        }
        for (HostOffer o : result.remaining()) {
          assertThat(chain.check(g.request(), o, after)).as("seed %d: %s fits %s but was not placed",
              seed, ids.get(0), o.hostname()).isPresent();
        }
        left.add(new PendingGroup(g.request(), ids));
      }
      pending = left;
    }
  }

  private static JobAttributeCounts countsOf(JobKey job, Map<String, String> placedOn,
      Map<String, TaskConfig> configOf, Map<String, Agent> byHost) {
    JobAttributeCounts counts = new JobAttributeCounts();
    placedOn.forEach((task, host) -> {
      if (configOf.get(task).getJob().equals(job)) {
        counts.add(byHost.get(host).attrs());
      }
    });
    return counts;
  }

  private static void checkConstraints(long seed, Map<String, String> placedOn,
      Map<String, TaskConfig> configOf, Map<String, Agent> byHost) {
    Map<String, Integer> perJobValue = new HashMap<>();
    placedOn.forEach((task, host) -> {
      TaskConfig c = configOf.get(task);
      Map<String, Set<String>> attrs = byHost.get(host).attrs();
      if (attrs.containsKey("dedicated")) {
        assertThat(c.getConstraints()).as("seed %d: undedicated task on dedicated host", seed)
            .anyMatch(k -> k.getName().equals("dedicated"));
      }
      for (Constraint k : c.getConstraints()) {
        Set<String> values = attrs.getOrDefault(k.getName(), Set.of());
        if (k.getConstraint().isSetValue()) {
          boolean any = k.getConstraint().getValue().getValues().stream().anyMatch(values::contains);
          assertThat(any != k.getConstraint().getValue().isNegated())
              .as("seed %d: value constraint %s broken on %s", seed, k, host).isTrue();
        } else {
          for (String v : values) {
            int n = perJobValue.merge(c.getJob().getName() + "/" + k.getName() + "/" + v, 1, Integer::sum);
            assertThat(n).as("seed %d: limit %s broken", seed, k)
                .isLessThanOrEqualTo(k.getConstraint().getLimit().getLimit());
          }
        }
      }
    });
  }
}
