package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.testing.SchedulerHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/**
 * Many jobs on many agents in one round, on in-memory storage: every task placed, one ACCEPT per
 * used offer, and within a generous time (a smoke check of the per-round design, not a benchmark).
 */
class SchedulingLoopScaleSimTest {
  private static final int JOBS = Integer.getInteger("scale.jobs", 50);
  private static final int INSTANCES = Integer.getInteger("scale.instances", 40);
  private static final int AGENTS = Integer.getInteger("scale.agents", 250);

  @Test
  void oneRound_placesEveryTask() {
    SchedulerHarness h = new SchedulerHarness();
    Set<Integer> instances = IntStream.range(0, INSTANCES).boxed().collect(Collectors.toSet());
    for (int j = 0; j < JOBS; j++) {
      TaskConfig config = Fixtures.config("role" + (j % 7), "job" + j, 0.5, 256, 100, "http");
      if (j % 3 == 0) {
        Fixtures.withLimit(config, "host", 2);
      }
      h.insertPending(config, instances);
    }
    List<Offer> offers = new ArrayList<>();
    for (int a = 0; a < AGENTS; a++) {
      offers.add(h.offer("agent-" + a, 8, 32768, "host", "h" + a, "rack", "r" + (a % 20)));
    }
    long start = System.nanoTime();
    int launched = h.loop.runOnce();
    long ms = (System.nanoTime() - start) / 1_000_000;
    int tasks = JOBS * INSTANCES;
    System.out.printf("scale: %d tasks on %d agents in one round: %d ms (%.0f tasks/s)%n",
        tasks, AGENTS, ms, tasks * 1000.0 / Math.max(1, ms));
    assertThat(launched).isEqualTo(tasks);
    assertThat(h.tasks(ScheduleStatus.ASSIGNED)).hasSize(tasks);
    List<Call> accepts = h.driver.calls(Call.Type.ACCEPT);
    assertThat(accepts.size()).isLessThanOrEqualTo(AGENTS);
    assertThat(accepts.stream().mapToInt(c -> c.getAccept().getOperations(0).getLaunch()
        .getTaskInfosCount()).sum()).isEqualTo(tasks);
    assertThat(ms).isLessThan(60_000);
  }
}
