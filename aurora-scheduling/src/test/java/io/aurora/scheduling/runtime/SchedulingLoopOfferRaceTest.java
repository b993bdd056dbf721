package io.aurora.scheduling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.assign.TaskAssigner;
import io.aurora.scheduling.assign.TaskInfoBuilder;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.storage.Storage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/**
 * An offer that stops being ours while a round places tasks on it (declined to be merged with a
 * newer offer for its agent, or rescinded) is not launched on: a launch there would come back
 * LOST ("Offer ... is no longer valid"), which a job update counts as a failed instance.
 */
class SchedulingLoopOfferRaceTest {
  private final SchedulerHarness h = new SchedulerHarness();

  /** Runs {@code onRead} before the {@code nth} read of a round (the placement read is the 2nd). */
  private static Storage hookedReads(Storage delegate, int nth, Runnable onRead) {
    AtomicInteger reads = new AtomicInteger();
    return new Storage() {
      @Override
      public <T, E extends Exception> T read(Work<T, E> work) throws E {
        if (reads.incrementAndGet() == nth) {
          onRead.run();
        }
        return delegate.read(work);
      }

      @Override
      public <T, E extends Exception> T write(MutateWork<T, E> work) throws E {
        return delegate.write(work);
      }
    };
  }

  private SchedulingLoop loopOn(Storage storage) {
    return new SchedulingLoop(h.writerOn(storage), h.offers,
        new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER),
        new TaskInfoBuilder(ExecutorSettings.DEFAULTS), ExecutorSettings.DEFAULTS, h.driver,
        h.clock);
  }

  @Test
  void offerMergedAwayDuringTheRound_isNotLaunchedOn_andTheTasksStayPending() {
    TaskConfig config = Fixtures.config("www", "web", 0.5, 128, 10, "http");
    List<String> ids = h.insertPending(config, Set.of(0, 1));
    h.offer("agent-1", 8, 8192);
    // A second offer for agent-1 arrives mid-round: the book declines both so Mesos merges them.
    SchedulingLoop loop = loopOn(hookedReads(h.storage, 2, () -> h.offer("agent-1", 1, 512)));

    assertThat(loop.runOnce()).isZero();

    assertThat(h.driver.calls(Call.Type.ACCEPT)).isEmpty();
    assertThat(h.ids(ScheduleStatus.PENDING)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(h.driver.calls(Call.Type.DECLINE)).isNotEmpty();

    // The merged offer comes back and the tasks launch on it.
    h.offer("agent-1", 9, 8704);
    assertThat(loop.runOnce()).isEqualTo(2);
    assertThat(h.ids(ScheduleStatus.ASSIGNED)).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void offerKeptDuringTheRound_isLaunchedOn() {
    TaskConfig config = Fixtures.config("www", "web", 0.5, 128, 10, "http");
    List<String> ids = h.insertPending(config, Set.of(0));
    h.offer("agent-1", 8, 8192);
    SchedulingLoop loop = loopOn(hookedReads(h.storage, 2, () -> h.offer("agent-2", 1, 512)));

    assertThat(loop.runOnce()).isEqualTo(1);
    assertThat(h.ids(ScheduleStatus.ASSIGNED)).containsExactlyElementsOf(ids);
  }
}
