package io.aurora.server.bench.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {
  /** Every reading of the clock moves it 1 ms forward, so phases end after a known number of calls. */
  private final AtomicLong now = new AtomicLong();
  private final ClosedLoop loop = new ClosedLoop(() -> now.addAndGet(1_000_000));

  /** Completes appends when told to, and remembers how many were outstanding at most. */
  private static final class HeldAppender implements Appender {
    final List<CompletableFuture<Void>> outstanding = new ArrayList<>();
    int maxOutstanding;
    int calls;

    @Override
    public synchronized CompletableFuture<?> append(byte[] data) {
      calls++;
      CompletableFuture<Void> f = new CompletableFuture<>();
      outstanding.add(f);
      maxOutstanding = Math.max(maxOutstanding, outstanding.size());
      if (outstanding.size() == 4) {
        // A batch of four completes at once, as a group commit would.
        List<CompletableFuture<Void>> batch = new ArrayList<>(outstanding);
        outstanding.clear();
        batch.forEach(b -> b.complete(null));
      }
      return f;
    }

    @Override
    public void close() {}
  }

  @Test
  void concurrent_keepsAtMostConcurrencyOutstanding_andMeasuresOnlyTheWindow() throws Exception {
    HeldAppender appender = new HeldAppender();
    ClosedLoop.Phase phase = loop.concurrent(appender, new byte[8], 4, Duration.ofMillis(20),
        Duration.ofMillis(100));

    assertThat(appender.maxOutstanding).isEqualTo(4);
    assertThat(phase.seconds()).isEqualTo(0.1);
    assertThat(phase.appends()).isPositive().isLessThan(appender.calls);
    assertThat(phase.appendsPerSec()).isEqualTo(phase.appends() / 0.1);
    assertThat(phase.latencies().count()).isPositive().isLessThan(appender.calls);
  }

  @Test
  void concurrent_stopsAtTheFirstFailure() {
    Appender failing = new Appender() {
      @Override
      public CompletableFuture<?> append(byte[] data) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("disk on fire"));
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> loop.concurrent(failing, new byte[8], 8, Duration.ZERO,
        Duration.ofSeconds(10)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("disk on fire");
  }

  @Test
  void sequential_waitsForEachAppend() throws Exception {
    AtomicLong calls = new AtomicLong();
    Appender immediate = new Appender() {
      @Override
      public CompletableFuture<?> append(byte[] data) {
        calls.incrementAndGet();
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public void close() {}
    };
    ClosedLoop.Phase phase = loop.sequential(immediate, new byte[8], Duration.ofMillis(10));

    // Each append reads the clock once after it completes: 1 ms per append.
    assertThat(phase.appends()).isEqualTo(calls.get()).isEqualTo(10);
    assertThat(phase.latencies().percentileMillis(0.5)).isEqualTo(1.0);
  }
}
