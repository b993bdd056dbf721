package io.aurora.server.app;

import com.google.common.base.Ticker;
import io.aurora.server.flags.DurationFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The two deadlines of one leadership term, as Aurora keeps them: a new leader must register with
 * Mesos within {@code -max_registration_delay}, and a leader steps down after leading for
 * {@code -max_leading_duration}, so that failover is exercised regularly rather than only on
 * crashes. Time comes from the injected {@link Ticker}, a monotonic clock: a wall clock stepped
 * back or forward moves neither deadline. The lifecycle arms a timer for
 * {@link #untilNextDeadline()} (the executor's delays are monotonic too) and asks
 * {@link #expired()} when it fires, a test after advancing a fake ticker. Thread-safe.
 */
final class LeaderTerm {
  /** Why a term must end. */
  enum Kind {
    /** Not registered with Mesos in time: a failure. */
    NOT_REGISTERED,
    /** Led for the maximum duration: a planned step-down. */
    LED_LONG_ENOUGH
  }

  /** A deadline that has passed, with the line to log. */
  record Expiry(Kind kind, String reason) {
    Expiry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final Ticker ticker;
  private final Duration maxLeading;
  private final Duration maxRegistrationDelay;
  /** Ticker readings (nanoseconds), or null before the event. */
  private Long elected;
  private Long subscribing;
  private boolean registered;

  LeaderTerm(Ticker ticker, Duration maxLeading, Duration maxRegistrationDelay) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.maxLeading = requirePositive(maxLeading, "maxLeading");
    this.maxRegistrationDelay = requirePositive(maxRegistrationDelay, "maxRegistrationDelay");
  }

  /** Leadership began now; the leading clock starts. */
  synchronized void elected() {
    elected = ticker.read();
  }

  /** Subscription to Mesos was asked for now; the registration clock starts. */
  synchronized void subscribing() {
    subscribing = ticker.read();
  }

  /** Registered with Mesos: the registration deadline no longer applies. */
  synchronized void registered() {
    registered = true;
  }

  /** The first deadline that has passed, if any; none before {@link #elected()}. */
  synchronized Optional<Expiry> expired() {
    long now = ticker.read();
    if (subscribing != null && !registered
        && now - subscribing >= maxRegistrationDelay.toNanos()) {
      return Optional.of(new Expiry(Kind.NOT_REGISTERED,
          "not registered with Mesos within -max_registration_delay="
              + DurationFormat.format(maxRegistrationDelay)));
    }
    if (elected != null && now - elected >= maxLeading.toNanos()) {
      return Optional.of(new Expiry(Kind.LED_LONG_ENOUGH,
          "led for " + DurationFormat.format(
              Duration.ofNanos(now - elected).truncatedTo(ChronoUnit.SECONDS))
              + " (-max_leading_duration=" + DurationFormat.format(maxLeading)
              + "); stepping down so that another scheduler takes over"));
    }
    return Optional.empty();
  }

  /**
   * How long until the earliest deadline still pending (zero if it has passed); none before
   * {@link #elected()}.
   */
  synchronized Optional<Duration> untilNextDeadline() {
    long now = ticker.read();
    Long left = null;
    if (subscribing != null && !registered) {
      left = subscribing + maxRegistrationDelay.toNanos() - now;
    }
    if (elected != null) {
      long stepDown = elected + maxLeading.toNanos() - now;
      left = left == null ? stepDown : Math.min(left, stepDown);
    }
    if (left == null) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(Math.max(0, left)));
  }

  private static Duration requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }
}
