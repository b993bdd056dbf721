package io.aurora.server.app;

import io.aurora.scheduling.offers.OfferBook;
import io.aurora.scheduling.runtime.SchedulingLoop;
import io.aurora.scheduling.runtime.TimerQueue;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the scheduling runtime on one thread once this process leads: a scheduling round when
 * offers arrive or tasks become PENDING (kicks are coalesced), and every tick the due timers and
 * the expired offers. Before {@link #start()} kicks are ignored: a follower never schedules.
 */
@Singleton
public final class SchedulingRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulingRunner.class);
  /** Timers (kill retries, transient timeouts, reconciliation) are run at this granularity. */
  static final long TICK_MS = 500;

  private final SchedulingLoop loop;
  private final TimerQueue timers;
  private final OfferBook offers;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean roundQueued = new AtomicBoolean();

  @Inject
  SchedulingRunner(SchedulingLoop loop, TimerQueue timers, OfferBook offers, Clock clock,
      DaemonThreads threads) {
    this.loop = loop;
    this.timers = timers;
    this.offers = offers;
    this.clock = clock;
    this.executor = threads.scheduling;
  }

  /** Starts the ticks and runs a first round. */
  void start() {
    if (started.compareAndSet(false, true)) {
      executor.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
      kick();
    }
  }

  /** Asks for a scheduling round soon; many kicks before it runs make one round. */
  public void kick() {
    if (started.get() && roundQueued.compareAndSet(false, true)) {
      executor.execute(this::round);
    }
  }

  private void round() {
    roundQueued.set(false);
    try {
      loop.runOnce();
    } catch (RuntimeException e) {
      // A failed write (e.g. transient storage trouble) leaves the tasks PENDING; the next
      // kick or tick retries. A failed log is caught by the lifecycle's storage watch.
      LOG.warn("Scheduling round failed", e);
    }
  }

  private void tick() {
    try {
      timers.runDue(clock.instant());
      offers.declineExpired();
      if (offers.size() > 0) {
        // Held offers may fit tasks whose placement backoff has passed since the last round.
        round();
      }
    } catch (RuntimeException e) {
      LOG.warn("Scheduling tick failed", e);
    }
  }
}
