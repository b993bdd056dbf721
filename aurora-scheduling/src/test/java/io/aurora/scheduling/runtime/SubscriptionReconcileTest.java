package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.mesos.FakeDriver;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The explicit reconciliation that follows a subscription runs on the runtime's executor, never
 * on the thread that delivered the subscription: before {@code start} it waits for start.
 */
class SubscriptionReconcileTest {
  private final SchedulerHarness h = new SchedulerHarness();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final FakeDriver driver = new FakeDriver();
  private final SchedulerRuntime runtime = new SchedulerRuntime(h.storage, driver, h.clock,
      h.clock.ticker(), new Random(1), SchedulerRuntimeOptions.DEFAULTS, FilterChain.standard(),
      Scorer.OFFER_ORDER, () -> { }, new SimpleMeterRegistry(), Runnable::run, Runnable::run);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private List<String> assignedTask() {
    TaskConfig web = Fixtures.config("www", "web", 0.5, 128, 10, "http");
    List<String> ids = h.insertPending(web, Set.of(0));
    h.offer("agent-1", 8, 8192);
    assertThat(h.loop.runOnce()).isEqualTo(1);
    return ids;
  }

  private static List<String> reconciled(List<Call> calls) {
    return calls.stream().flatMap(c -> c.getReconcile().getTasksList().stream())
        .map(t -> t.getTaskId().getValue()).toList();
  }

  @Test
  void subscribedBeforeStart_reconcilesWhenStarted() {
    List<String> ids = assignedTask();
    driver.subscribe(Optional.empty(), runtime.listener());
    driver.deliverSubscribed();
    assertThat(driver.calls(Call.Type.RECONCILE)).isEmpty();

    runtime.start(executor);

    await().atMost(Duration.ofSeconds(10))
        .until(() -> reconciled(driver.calls(Call.Type.RECONCILE)).equals(ids));
  }

  @Test
  void subscribedAfterStart_reconcilesOnTheExecutor() {
    List<String> ids = assignedTask();
    driver.subscribe(Optional.empty(), runtime.listener());
    runtime.start(executor);
    driver.deliverSubscribed();

    await().atMost(Duration.ofSeconds(10))
        .until(() -> reconciled(driver.calls(Call.Type.RECONCILE)).equals(ids));
  }
}
