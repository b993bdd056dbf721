package io.aurora.scheduling.updater;

import static io.aurora.gen.JobUpdateStatus.ABORTED;
import static io.aurora.gen.JobUpdateStatus.ROLLED_BACK;
import static io.aurora.gen.JobUpdateStatus.ROLLED_FORWARD;
import static io.aurora.gen.JobUpdateStatus.ROLLING_BACK;
import static io.aurora.gen.JobUpdateStatus.ROLLING_FORWARD;
import static io.aurora.gen.JobUpdateStatus.ROLL_FORWARD_PAUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.FakeDriver;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.scheduling.testing.StoredUpdates;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.Storage;
import io.aurora.storage.StoreProvider;
import io.aurora.storage.TransientStorageException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The job update history pruner on real in-memory storage and a fake clock: what it removes, in
 * how many writes, when it runs, and that the runtime runs it.
 */
class UpdateHistoryPrunerTest {
  private static final JobKey WEB = JobKeys.from("www", "prod", "web");
  private static final JobKey API = JobKeys.from("www", "prod", "api");
  private static final Duration INTERVAL = Duration.ofMinutes(15);
  /** Two finished updates per job, none last changed over 30 days ago. */
  private static final UpdateOptions OPTIONS = new UpdateOptions(2, INTERVAL, Duration.ofDays(30),
      false, Duration.ofMinutes(3));

  private final SchedulerHarness h = new SchedulerHarness();
  private final CountingStorage counting = new CountingStorage(h.storage);
  private final StateWriter writer = h.writerOn(counting);
  private final UpdateHistoryPruner pruner = new UpdateHistoryPruner(writer, h.clock, OPTIONS);

  private JobUpdateKey store(JobKey job, String id, JobUpdateStatus... statuses) {
    return StoredUpdates.store(h.storage, job, id, "alice", h.clock.millis(), statuses);
  }

  private Set<JobUpdateKey> keys() {
    return h.storage.read((StoreProvider s) -> s.jobUpdateStore().fetchUpdateKeys());
  }

  @Test
  void perJob_keepsTheNewestFinished_andEveryActive_inOneWrite() {
    JobUpdateKey w1 = store(WEB, "w1", ROLLING_FORWARD, ROLLED_FORWARD);
    h.clock.advance(Duration.ofMinutes(1));
    JobUpdateKey w2 = store(WEB, "w2", ROLLING_FORWARD, ROLLING_BACK, ROLLED_BACK);
    h.clock.advance(Duration.ofMinutes(1));
    JobUpdateKey w3 = store(WEB, "w3", ROLLING_FORWARD, ABORTED);
    h.clock.advance(Duration.ofMinutes(1));
    JobUpdateKey w4 = store(WEB, "w4", ROLLING_FORWARD, ROLLED_FORWARD);
    h.clock.advance(Duration.ofMinutes(1));
    JobUpdateKey active = store(WEB, "w5", ROLLING_FORWARD, ROLL_FORWARD_PAUSED);
    JobUpdateKey a1 = store(API, "a1", ROLLING_FORWARD, ROLLED_FORWARD);
    JobUpdateKey a2 = store(API, "a2", ROLLING_FORWARD, ROLLED_FORWARD);

    assertThat(pruner.pruneOnce()).isEqualTo(2);
    assertThat(counting.writes).isEqualTo(1);
    assertThat(keys()).containsExactlyInAnyOrder(w3, w4, active, a1, a2);
    assertThat(pruner.updatesPruned()).isEqualTo(2);
    assertThat(w1).isNotIn(keys());
    assertThat(w2).isNotIn(keys());
  }

  @Test
  void nothingToPrune_writesNothing() {
    assertThat(pruner.pruneOnce()).isZero();
    store(WEB, "w1", ROLLING_FORWARD, ROLLED_FORWARD);
    store(WEB, "w2", ROLLING_FORWARD, ROLLED_FORWARD);
    store(WEB, "w3", ROLLING_FORWARD);
    store(API, "a1", ROLLING_FORWARD, ROLLED_FORWARD);
    assertThat(pruner.pruneOnce()).isZero();
    assertThat(counting.writes).isZero();
    assertThat(pruner.updatesPruned()).isZero();
  }

  @Test
  void age_removesFinishedUpdates_pastTheThreshold_butNeverActiveOnes() {
    JobUpdateKey finished = store(WEB, "old", ROLLING_FORWARD, ROLLED_FORWARD);
    JobUpdateKey active = store(WEB, "running", ROLLING_FORWARD);
    JobUpdateKey awaiting = store(API, "awaiting", JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE);
    h.clock.advance(Duration.ofDays(30));
    assertThat(pruner.pruneOnce()).isZero();
    h.clock.advance(Duration.ofMinutes(1));
    JobUpdateKey fresh = store(WEB, "new", ROLLING_FORWARD, ABORTED);
    assertThat(pruner.pruneOnce()).isEqualTo(1);
    assertThat(keys()).containsExactlyInAnyOrder(active, awaiting, fresh);
    assertThat(finished).isNotIn(keys());
    assertThat(counting.writes).isEqualTo(1);
  }

  @Test
  void schedule_runsEveryInterval_andSurvivesAFailedRun() {
    store(WEB, "w1", ROLLING_FORWARD, ROLLED_FORWARD);
    store(WEB, "w2", ROLLING_FORWARD, ROLLED_FORWARD);
    store(WEB, "w3", ROLLING_FORWARD, ROLLED_FORWARD);
    pruner.schedule(h.timers);
    h.advance(INTERVAL.minusSeconds(1));
    assertThat(keys()).hasSize(3);
    h.advance(Duration.ofSeconds(1));
    assertThat(keys()).hasSize(2);

    store(WEB, "w4", ROLLING_FORWARD, ROLLED_FORWARD);
    counting.failReads = true;
    h.advance(INTERVAL);
    assertThat(keys()).hasSize(3);
    counting.failReads = false;
    h.advance(INTERVAL);
    assertThat(keys()).hasSize(2);
    assertThat(pruner.updatesPruned()).isEqualTo(2);
    assertThat(counting.writes).isEqualTo(2);
    assertThat(h.timers.size()).isEqualTo(1);
  }

  @Test
  void runtime_prunesOnItsTimers_andCountsJobUpdatesPruned() {
    SchedulerRuntimeOptions d = SchedulerRuntimeOptions.DEFAULTS;
    SchedulerRuntimeOptions options = new SchedulerRuntimeOptions(d.schedulerHost(),
        d.executor(), d.offers(), d.reschedule(), d.timers(), d.reconcile(), d.prune(),
        d.maxStatusUpdateBatch(), d.schedulingInterval(), Duration.ofMillis(5), d.placement(),
        d.maxStartupScheduleDelay(), OPTIONS, d.cron());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      FakeDriver driver = new FakeDriver();
      SchedulerRuntime runtime = new SchedulerRuntime(h.storage, driver, h.clock,
          h.clock.ticker(), new Random(1), options, FilterChain.standard(), Scorer.OFFER_ORDER,
          () -> { }, registry, Runnable::run, Runnable::run);
      driver.subscribe(Optional.empty(), runtime.listener());
      driver.deliverSubscribed();
      store(WEB, "w1", ROLLING_FORWARD, ROLLED_FORWARD);
      runtime.start(executor);
      assertThat(registry.get("job_updates_pruned").functionCounter().count()).isZero();
      h.clock.advance(Duration.ofDays(31));
      await().atMost(Duration.ofSeconds(10)).until(() -> keys().isEmpty());
      await().atMost(Duration.ofSeconds(10)).until(
          () -> registry.get("job_updates_pruned").functionCounter().count() == 1);
    } finally {
      executor.shutdownNow();
    }
  }

  /** Counts write transactions; reads fail while {@code failReads} (a storage not ready). */
  static final class CountingStorage implements Storage {
    private final Storage delegate;
    volatile int writes;
    volatile boolean failReads;

    CountingStorage(Storage delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T, E extends Exception> T read(Work<T, E> work) throws E {
      if (failReads) {
        throw new TransientStorageException("not ready");
      }
      return delegate.read(work);
    }

    @Override
    public <T, E extends Exception> T write(MutateWork<T, E> work) throws E {
      writes++;
      return delegate.write(work);
    }
  }
}
