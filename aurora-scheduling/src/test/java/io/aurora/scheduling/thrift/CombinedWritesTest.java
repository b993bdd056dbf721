package io.aurora.scheduling.thrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.gen.ResourceAggregate;
import io.aurora.scheduling.state.StateChanges;
import io.aurora.storage.MutableStoreProvider;
import io.aurora.storage.Storage;
import io.aurora.storage.mem.MemStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CombinedWritesTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(1);
  /** Memory storage whose first write waits for {@link #release}, so that others queue up. */
  private static final class GatedStorage implements Storage {
    final MemStorage delegate = new MemStorage();
    final CountDownLatch gate = new CountDownLatch(1);
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public <T, E extends Exception> T read(Work<T, E> work) throws E {
      return delegate.read(work);
    }

    @Override
    public <T, E extends Exception> T write(MutateWork<T, E> work) throws E {
      if (writes.incrementAndGet() == 1) {
        try {
          gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return delegate.write(work);
    }
  }

  private final GatedStorage storage = new GatedStorage();
  private final List<StateChanges> committed = new ArrayList<>();
  private final CombinedWrites writes = new CombinedWrites(storage, committed::add);
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  private static BiFunction<MutableStoreProvider, StateChanges, String> quota(String role) {
    return (stores, changes) -> {
      InvalidRequestException.check(stores.quotaStore().fetchQuota(role).isEmpty(),
          "quota of " + role + " exists");
      stores.quotaStore().saveQuota(role, new ResourceAggregate());
      return role;
    };
  }

  private Future<String> call(BiFunction<MutableStoreProvider, StateChanges, String> work) {
    return callers.submit(() -> writes.write(work));
  }

  /** Starts a first call that holds the storage, then queues {@code works} behind it, in order. */
  private List<Future<String>> queuedBehindAFirstCall(
      List<BiFunction<MutableStoreProvider, StateChanges, String>> works) throws Exception {
    List<Future<String>> out = new ArrayList<>();
    out.add(call(quota("first")));
    await("the first call to hold the storage").atMost(WAIT).pollInterval(POLL)
        .until(() -> storage.writes.get() > 0);
    for (BiFunction<MutableStoreProvider, StateChanges, String> work : works) {
      out.add(call(work));
      // One at a time, so the queue holds them in list order (the callers are separate threads).
      int queued = out.size() - 1;
      await("call " + queued + " to queue").atMost(WAIT).pollInterval(POLL)
          .until(() -> writes.queued() >= queued);
    }
    storage.gate.countDown();
    return out;
  }

  private Optional<ResourceAggregate> stored(String role) {
    return storage.read(stores -> stores.quotaStore().fetchQuota(role));
  }

  @Test
  void queuedCalls_shareOneWrite_andEachGetsItsResult() throws Exception {
    List<Future<String>> calls =
        queuedBehindAFirstCall(List.of(quota("a"), quota("b"), quota("c"), quota("d")));

    List<String> results = new ArrayList<>();
    for (Future<String> call : calls) {
      results.add(call.get(10, TimeUnit.SECONDS));
    }
    assertThat(results).containsExactly("first", "a", "b", "c", "d");
    assertThat(storage.writes.get()).isEqualTo(2);
    assertThat(committed).hasSize(2);
    assertThat(stored("d")).isPresent();
  }

  @Test
  void invalidCall_failsAlone_andLaterCallsSeeEarlierOnesInTheSameWrite() throws Exception {
    List<Future<String>> calls =
        queuedBehindAFirstCall(List.of(quota("a"), quota("a"), quota("b")));

    assertThat(calls.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(calls.get(2)).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
        .havingCause().isInstanceOf(InvalidRequestException.class)
        .withMessage("quota of a exists");
    assertThat(calls.get(3).get(10, TimeUnit.SECONDS)).isEqualTo("b");
    assertThat(storage.writes.get()).isEqualTo(2);
    assertThat(stored("b")).isPresent();
  }

  @Test
  void unexpectedFailure_rerunsEachCallAlone_soOnlyTheFaultyOneFails() throws Exception {
    BiFunction<MutableStoreProvider, StateChanges, String> broken = (stores, changes) -> {
      stores.quotaStore().saveQuota("half-done", new ResourceAggregate());
      throw new IllegalStateException("boom");
    };
    List<Future<String>> calls = queuedBehindAFirstCall(List.of(quota("a"), broken, quota("b")));

    assertThat(calls.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(calls.get(2)).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
        .havingCause().isInstanceOf(IllegalStateException.class).withMessage("boom");
    assertThat(calls.get(3).get(10, TimeUnit.SECONDS)).isEqualTo("b");
    assertThat(stored("a")).isPresent();
    assertThat(stored("b")).isPresent();
    assertThat(stored("half-done")).isEmpty();
    // The gated first write, the abandoned shared one, then one write per call.
    assertThat(storage.writes.get()).isEqualTo(5);
  }

  @Test
  void singleCaller_writesAtOnce() {
    storage.gate.countDown();
    assertThat(writes.write(quota("solo"))).isEqualTo("solo");
    assertThat(storage.writes.get()).isEqualTo(1);
  }
}
