package io.aurora.storage.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteCombinerTest {
  private final ReentrantLock lock = new ReentrantLock();
  private final WriteCombiner combiner = new WriteCombiner(lock);
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final List<String> threads = new CopyOnWriteArrayList<>();
  private final ExecutorService writers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    writers.shutdownNow();
  }

  private WriteCombiner.Pending recording(String name) {
    return () -> {
      assertThat(lock.isHeldByCurrentThread()).isTrue();
      ran.add(name);
      threads.add(Thread.currentThread().getName());
    };
  }

  private Future<?> write(WriteCombiner.Pending pending) {
    return writers.submit(() -> combiner.run(pending));
  }

  @Test
  void aLoneWriter_runsItsTransactionOnItsOwnThread() {
    combiner.run(recording("solo"));

    assertThat(ran).containsExactly("solo");
    assertThat(threads).containsExactly(Thread.currentThread().getName());
    assertThat(lock.isLocked()).isFalse();
  }

  @Test
  void writersQueuedBehindACombiner_runInQueueOrder_inOneBatchOnOneThread() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> first = write(() -> {
      ran.add("first");
      holding.countDown();
      await(release);
    });
    await(holding);
    List<Future<?>> queued = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      queued.add(write(recording(name)));
      // One at a time, so that the queue holds them in this order.
      awaitQueued(queued.size());
    }
    release.countDown();

    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : queued) {
      f.get(10, TimeUnit.SECONDS);
    }
    assertThat(ran).containsExactly("first", "a", "b", "c");
    // The next combiner ran the three queued transactions, all on its one thread.
    assertThat(threads).hasSize(3).containsOnly(threads.get(0));
    assertThat(combiner.queued()).isZero();
  }

  @Test
  void aTransactionThatRecordsAFailure_doesNotStopTheOthers() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Future<?> first = write(() -> {
      holding.countDown();
      await(release);
    });
    await(holding);
    Future<?> broken = write(() -> {
      try {
        throw new IllegalStateException("boom");
      } catch (IllegalStateException e) {
        failures.add(e);
      }
    });
    awaitQueued(1);
    Future<?> after = write(recording("after"));
    awaitQueued(2);
    release.countDown();

    first.get(10, TimeUnit.SECONDS);
    broken.get(10, TimeUnit.SECONDS);
    after.get(10, TimeUnit.SECONDS);
    assertThat(failures).extracting(Throwable::getMessage).containsExactly("boom");
    assertThat(ran).containsExactly("after");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void awaitQueued(int count) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
        .until(() -> combiner.queued() >= count);
  }
}
