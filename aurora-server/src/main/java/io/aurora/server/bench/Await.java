package io.aurora.server.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Polls a condition on other processes or threads until it holds: the one place benchmark code
 * pauses between polls. Waiting on processes that we only observe over sockets has no event to
 * block on.
 *
 * <p>Tests wait with Awaitility instead; benchmarks are main code that ships in the distribution's
 * {@code lib/}, where a test library does not belong, so they keep this small helper.
 */
public final class Await {
  private final Duration poll;

  /** Polls every {@code poll}. */
  public Await(Duration poll) {
    this.poll = poll;
  }

  /** Polls every 20 ms. */
  public static Await standard() {
    return new Await(Duration.ofMillis(20));
  }

  /**
   * The first present value of {@code probe}, polled until {@code timeout}.
   *
   * @throws TimeoutException naming {@code what} if the time runs out
   */
  public <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new TimeoutException("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      Thread.sleep(poll.toMillis());
    }
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes. */
  public void until(String what, Duration timeout, java.util.function.BooleanSupplier condition)
      throws TimeoutException, InterruptedException {
    until(what, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }
}
