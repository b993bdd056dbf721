package io.aurora.scheduling.preemptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Ticker;
import io.aurora.api.Tasks;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.assign.TaskAssigner;
import io.aurora.scheduling.assign.TaskInfoBuilder;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.runtime.PlacementOptions;
import io.aurora.scheduling.runtime.SchedulingLoop;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;

/**
 * The preemptor with the scheduling loop on seeded random clusters: agents full of tasks of
 * random tiers, roles and sizes, then production and preemptible tasks that fit nowhere. After a
 * search and a round: every victim is one its task may preempt (never production for a
 * preemptible task, never another role at equal tier), and once the victims end and their agent
 * offers the room, the task they were preempted for is placed there. 25 seeds by default;
 * {@code -Daurora.preempt.sim.seeds=N} runs more. A failure names its seed.
 */
class PreemptorSimTest {
  private static final String[] ROLES = {"a", "b"};

  @Test
  void randomClusters_victimsFollowTheRules_andTheFreedRoomGoesToItsTask() {
    int seeds = Integer.getInteger("aurora.preempt.sim.seeds", 25);
    int placedByPreemption = 0;
    for (int seed = 0; seed < seeds; seed++) {
      placedByPreemption += runSeed(seed);
    }
    // Not vacuous: the clusters are drawn so that most seeds preempt.
    assertThat(placedByPreemption).isGreaterThan(seeds / 2);
  }

  /** A task of {@code cpus} CPUs and {@code cpus} GB with the executor's share. */
  private static TaskConfig task(String role, String name, boolean preemptible, int priority,
      int cpus) {
    return Fixtures.config(role, name, cpus - 0.25, cpus * 1024L - 128, 10)
        .setTier(preemptible ? "preemptible" : "preferred").setProduction(!preemptible)
        .setPriority(priority);
  }

  /** Runs one cluster; returns how many tasks were placed in room preempted for them. */
  private int runSeed(long seed) {
    String where = "seed " + seed;
    Random random = new Random(seed);
    SchedulerHarness h = new SchedulerHarness();
    Preemptor preemptor = new Preemptor(h.writer, h.offers, FilterChain.standard(),
        ExecutorSettings.DEFAULTS, h.clock, h.updates.agentHolds(), PreemptionOptions.DEFAULTS,
        new SimpleMeterRegistry());
    SchedulingLoop loop = new SchedulingLoop(h.writer, h.offers,
        new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER),
        new TaskInfoBuilder(ExecutorSettings.DEFAULTS), ExecutorSettings.DEFAULTS, h.driver,
        h.clock, PlacementOptions.DEFAULTS, Ticker.systemTicker(), h.updates.agentHolds(),
        Optional.of(preemptor));
    Map<String, TaskConfig> configs = new HashMap<>();
    int agents = 1 + random.nextInt(4);
    for (int a = 0; a < agents; a++) {
      // Fill the agent: tasks of 1 or 2 CPUs up to its 4.
      int left = 4;
      int n = 0;
      while (left > 0) {
        int cpus = Math.min(left, 1 + random.nextInt(2));
        TaskConfig c = task(ROLES[random.nextInt(2)], "fill-" + a + "-" + n++,
            random.nextInt(3) > 0, random.nextInt(3), cpus);
        h.insertPending(c, Set.of(0));
        left -= cpus;
      }
      h.offer("agent-" + a, 4, 4096);
      h.advance(Duration.ofMillis(10));
      loop.runOnce();
    }
    h.ids(ScheduleStatus.ASSIGNED).forEach(id -> h.update(id, TaskState.TASK_RUNNING));
    assertThat(h.tasks(ScheduleStatus.PENDING)).as(where).isEmpty();

    int claimants = 1 + random.nextInt(3);
    for (int i = 0; i < claimants; i++) {
      h.insertPending(task(ROLES[random.nextInt(2)], "claim-" + i, random.nextInt(3) == 0,
          random.nextInt(4), 1 + random.nextInt(3)), Set.of(0));
    }
    h.advance(Duration.ofMillis(10));
    loop.runOnce();
    h.advance(Duration.ofMinutes(3));
    preemptor.searchRound();
    h.advance(Duration.ofMinutes(1));
    loop.runOnce();

    Map<String, String> agentOfClaimant = new HashMap<>();
    for (ScheduledTask victim : h.tasks(ScheduleStatus.PREEMPTING)) {
      List<TaskEvent> events = victim.getTaskEvents();
      String message = events.get(events.size() - 1).getMessage();
      assertThat(message).as(where).startsWith(Preemptor.MESSAGE);
      String claimantId = message.substring(Preemptor.MESSAGE.length());
      ScheduledTask claimant = h.task(claimantId).orElseThrow();
      TaskConfig c = claimant.getAssignedTask().getTask();
      TaskConfig v = victim.getAssignedTask().getTask();
      boolean cPre = "preemptible".equals(c.getTier());
      boolean vPre = "preemptible".equals(v.getTier());
      if (cPre) {
        assertThat(vPre).as(where + ": a preemptible task preempted production").isTrue();
      }
      if (cPre == vPre) {
        assertThat(v.getJob().getRole()).as(where + ": across roles")
            .isEqualTo(c.getJob().getRole());
        assertThat(v.getPriority()).as(where).isLessThan(c.getPriority());
      }
      String agent = victim.getAssignedTask().getSlaveId();
      String before = agentOfClaimant.put(claimantId, agent);
      assertThat(before == null || before.equals(agent)).as(where + ": victims on two agents")
          .isTrue();
    }
    // The victims end; each agent offers what is free on it now.
    h.tasks(ScheduleStatus.PREEMPTING).forEach(
        t -> h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_KILLED));
    for (int a = 0; a < agents; a++) {
      String agent = "agent-" + a;
      double used = 0;
      for (ScheduledTask t : h.tasks()) {
        if (Tasks.SLAVE_ASSIGNED_STATES.contains(t.getStatus())
            && agent.equals(t.getAssignedTask().getSlaveId())) {
          used += t.getAssignedTask().getTask().getResources().stream()
              .filter(r -> r.isSetNumCpus()).mapToDouble(r -> r.getNumCpus()).sum() + 0.25;
        }
      }
      if (used < 4 - 1e-9) {
        h.offer(agent, 4 - used, (long) Math.round((4 - used) * 1024));
      }
    }
    h.advance(Duration.ofMillis(10));
    loop.runOnce();
    agentOfClaimant.forEach((claimantId, agent) -> {
      ScheduledTask placed = h.task(claimantId).orElseThrow();
      assertThat(placed.getStatus()).as(where + ": " + claimantId + " not placed")
          .isEqualTo(ScheduleStatus.ASSIGNED);
      assertThat(placed.getAssignedTask().getSlaveId()).as(where).isEqualTo(agent);
    });
    return agentOfClaimant.size();
  }
}
