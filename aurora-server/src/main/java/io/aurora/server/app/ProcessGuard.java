package io.aurora.server.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when and why the daemon ends: the first of a fatal error (ZooKeeper session lost, a log
 * write failure, a fatal Mesos error, lost leadership) or a requested stop wins, is logged once,
 * and releases {@link #await()}. Safe to call from any thread; never blocks.
 */
@Singleton
public final class ProcessGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessGuard.class);

  /** Why the daemon ends and with which process status. */
  public record Exit(int status, String reason) {}

  private final AtomicReference<Exit> exit = new AtomicReference<>();
  private final CountDownLatch done = new CountDownLatch(1);

  @Inject
  public ProcessGuard() {}

  /** Ends the daemon with status 1; {@code reason} is logged as an error. */
  public void fail(String reason) {
    if (exit.compareAndSet(null, new Exit(1, reason))) {
      LOG.error("Scheduler exiting: {}", reason);
      done.countDown();
    }
  }

  /**
   * Ends the daemon on purpose so that a supervisor starts it again (a leader's planned
   * step-down): status 1, as for a failure, so that supervisors that restart only failed processes
   * restart it too, but logged as planned.
   */
  public void restart(String reason) {
    if (exit.compareAndSet(null, new Exit(1, reason))) {
      LOG.warn("Scheduler exiting to be restarted: {}", reason);
      done.countDown();
    }
  }

  /** Ends the daemon with {@code status} (a graceful stop). */
  public void stop(int status, String reason) {
    if (exit.compareAndSet(null, new Exit(status, reason))) {
      LOG.info("Scheduler stopping: {}", reason);
      done.countDown();
    }
  }

  /** The exit decided so far, if any. */
  public Optional<Exit> exit() {
    return Optional.ofNullable(exit.get());
  }

  /** Waits until an exit is decided. */
  public Exit await() throws InterruptedException {
    done.await();
    return exit.get();
  }

  /** Waits at most {@code timeout} for an exit. */
  public Optional<Exit> await(Duration timeout) throws InterruptedException {
    done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return exit();
  }
}
