package io.aurora.scheduling.preemptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Ticker;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.Test;

/**
 * The preemptor with the scheduling loop, on in-memory storage and the fake driver: one agent
 * full of preemptible tasks, then a production task that fits only once two of them go.
 */
class PreemptorTest {
  private final SchedulerHarness h = new SchedulerHarness();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Preemptor preemptor = new Preemptor(h.writer, h.offers, FilterChain.standard(),
      ExecutorSettings.DEFAULTS, h.clock, h.updates.agentHolds(), PreemptionOptions.DEFAULTS,
      registry);
  private final SchedulingLoop loop = new SchedulingLoop(h.writer, h.offers,
      new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER),
      new TaskInfoBuilder(ExecutorSettings.DEFAULTS), ExecutorSettings.DEFAULTS, h.driver,
      h.clock, PlacementOptions.DEFAULTS, Ticker.systemTicker(), h.updates.agentHolds(),
      Optional.of(preemptor));

  /** With the default executor overhead (0.25 cpus, 128 MB), one task of 1 cpu and 1 GB. */
  private static TaskConfig task(String role, String name, String tier, double cpus, long ramMb) {
    return Fixtures.config(role, name, cpus - 0.25, ramMb - 128, 10).setTier(tier)
        .setProduction(!"preemptible".equals(tier));
  }

  private List<String> fillAgentWithPreemptible() {
    List<String> ids = h.insertPending(task("batch", "crunch", "preemptible", 1, 1024),
        Set.of(0, 1, 2, 3));
    h.offer("agent-1", 4, 4096);
    // New groups wait -first_schedule_delay (1 ms) before their first attempt.
    h.advance(Duration.ofMillis(10));
    assertThat(loop.runOnce()).isEqualTo(4);
    ids.forEach(id -> h.update(id, TaskState.TASK_RUNNING));
    return ids;
  }

  @Test
  void productionTask_preemptsTheFewestPreemptible_andGetsTheRoom() {
    List<String> victims = fillAgentWithPreemptible();
    String prod = h.insertPending(task("web", "api", "preferred", 2, 2048), Set.of(0)).get(0);
    h.advance(Duration.ofMillis(10));
    assertThat(loop.runOnce()).isZero();
    assertThat(loop.pendingReasons().values()).extracting(v -> v.reason())
        .containsExactly("Insufficient: offers");

    // Younger than -preemption_delay: no slot yet.
    assertThat(preemptor.searchRound()).isZero();
    h.advance(Duration.ofMinutes(3));
    assertThat(preemptor.searchRound()).isEqualTo(1);
    assertThat(loop.pendingReasons().values()).extracting(v -> v.reason())
        .singleElement().asString().startsWith("Preemption slot found on agent agent-1");

    h.advance(Duration.ofSeconds(2));
    loop.runOnce();
    List<ScheduledTask> preempting = h.tasks(ScheduleStatus.PREEMPTING);
    assertThat(preempting).hasSize(2);
    for (ScheduledTask t : preempting) {
      assertThat(victims).contains(t.getAssignedTask().getTaskId());
      List<TaskEvent> events = t.getTaskEvents();
      assertThat(events.get(events.size() - 1).getMessage())
          .isEqualTo("Preempting in favor of " + prod);
    }
    assertThat(registry.counter("preemptor_tasks_preempted_non_prod").count()).isEqualTo(2);
    assertThat(registry.counter("preemptor_slot_validation_success").count()).isEqualTo(1);
    assertThat(registry.counter("preemptor_slot_search_success_for_prod").count()).isEqualTo(1);
    assertThat(loop.pendingReasons().values()).extracting(v -> v.reason())
        .singleElement().asString().startsWith("Preempting 2 task(s) on agent-1.example");

    // The victims end and come back PENDING (preemptible, rescheduled); the room they free is
    // offered, and goes to the production task it was freed for.
    preempting.forEach(t -> h.update(t.getAssignedTask().getTaskId(), TaskState.TASK_KILLED));
    assertThat(h.tasks(ScheduleStatus.PENDING, ScheduleStatus.THROTTLED)).hasSize(3);
    // Another group that would fit in the freed room, pending before the room is offered.
    List<String> others = h.insertPending(task("batch", "other", "preemptible", 1, 1024),
        Set.of(0, 1));
    h.advance(Duration.ofSeconds(2));
    loop.runOnce();
    h.offer("agent-1", 2, 2048);
    // No backoff while its victims end: the next round places it.
    h.advance(Duration.ofMillis(10));
    assertThat(loop.runOnce()).isEqualTo(1);
    others.forEach(id -> assertThat(h.task(id).orElseThrow().getStatus())
        .isEqualTo(ScheduleStatus.PENDING));
    ScheduledTask placed = h.task(prod).orElseThrow();
    assertThat(placed.getStatus()).isEqualTo(ScheduleStatus.ASSIGNED);
    assertThat(placed.getAssignedTask().getSlaveId()).isEqualTo("agent-1");
  }

  @Test
  void preemptibleTask_neverPreemptsAnotherRole() {
    fillAgentWithPreemptible();
    h.insertPending(task("other", "batch", "preemptible", 1, 1024).setPriority(5), Set.of(0));
    loop.runOnce();
    h.advance(Duration.ofMinutes(4));
    assertThat(preemptor.searchRound()).isZero();
    loop.runOnce();
    assertThat(h.tasks(ScheduleStatus.PREEMPTING)).isEmpty();
    assertThat(registry.counter("preemptor_slot_search_failed_for_non_prod").count())
        .isEqualTo(1);
  }

  @Test
  void slotWhoseVictimsEnded_isDroppedAtRecheck() {
    List<String> victims = fillAgentWithPreemptible();
    h.insertPending(task("web", "api", "preferred", 1, 1024), Set.of(0));
    loop.runOnce();
    h.advance(Duration.ofMinutes(3));
    assertThat(preemptor.searchRound()).isEqualTo(1);
    // Every candidate ends before the loop uses the slot; nothing is left to preempt.
    victims.forEach(id -> h.update(id, TaskState.TASK_FINISHED));
    h.advance(Duration.ofSeconds(2));
    loop.runOnce();
    assertThat(h.tasks(ScheduleStatus.PREEMPTING)).isEmpty();
    assertThat(registry.counter("preemptor_slot_validation_failed").count()).isEqualTo(1);
  }

  @Test
  void slots_expireAfterTheHoldTime() {
    fillAgentWithPreemptible();
    h.insertPending(task("web", "api", "preferred", 1, 1024), Set.of(0));
    loop.runOnce();
    h.advance(Duration.ofMinutes(3));
    assertThat(preemptor.searchRound()).isEqualTo(1);
    h.advance(Duration.ofMinutes(6));
    loop.runOnce();
    assertThat(h.tasks(ScheduleStatus.PREEMPTING)).isEmpty();
  }
}
