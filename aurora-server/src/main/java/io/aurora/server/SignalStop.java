package io.aurora.server;

import io.aurora.server.app.ProcessGuard;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGTERM (or Ctrl-C) does, in whatever state the scheduler is: the shutdown hook asks the
 * {@link ProcessGuard} for a graceful stop (status 0), interrupts the main thread if it is still
 * starting (waiting for ZooKeeper, recovering the storage), and waits for the main thread to stop
 * everything. It then ends the JVM with the guard's status rather than the signal's 143, so a
 * supervisor sees a requested stop as a clean exit. A stop that takes longer than the grace period
 * is cut short with status 1 and one line saying so: a supervisor must never need SIGKILL.
 */
final class SignalStop {
  private static final Logger LOG = LoggerFactory.getLogger(SignalStop.class);

  private final ProcessGuard guard;
  private final Thread main;
  private final Duration grace;
  private final CountDownLatch finished = new CountDownLatch(1);
  private boolean starting = true;

  /**
   * @param main the thread that starts and then stops the scheduler
   * @param grace how long the stop may take after the signal
   */
  SignalStop(ProcessGuard guard, Thread main, Duration grace) {
    this.guard = guard;
    this.main = main;
    this.grace = grace;
  }

  /** Installs the shutdown hook. */
  void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "aurora-shutdown"));
  }

  /**
   * The main thread has finished starting (or failed to): from now on a signal no longer
   * interrupts it, so the stop itself runs uninterrupted. Clears an interrupt that came too late
   * to matter.
   */
  synchronized void startEnded() {
    starting = false;
    Thread.interrupted();
  }

  /** The main thread has stopped everything; the hook may end the JVM. */
  void stopped() {
    finished.countDown();
  }

  private void onSignal() {
    guard.stop(0, "stop requested (SIGTERM or Ctrl-C)");
    synchronized (this) {
      if (starting) {
        main.interrupt();
      }
    }
    int status = 1;
    try {
      if (finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        status = guard.exit().map(ProcessGuard.Exit::status).orElse(1);
      } else {
        LOG.error("Scheduler exiting: the stop did not finish within {} s; exiting anyway",
            grace.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(status);
  }
}
