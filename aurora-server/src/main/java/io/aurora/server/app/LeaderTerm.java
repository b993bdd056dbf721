package io.aurora.server.app;

import io.aurora.server.flags.DurationFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The two deadlines of one leadership term, as Aurora keeps them: a new leader must register with
 * Mesos within {@code -max_registration_delay}, and a leader steps down after leading for
 * {@code -max_leading_duration}, so that failover is exercised regularly rather than only on
 * crashes. Time comes from the injected {@link Clock}; the lifecycle arms a timer for
 * {@link #untilNextDeadline()} and asks {@link #expired()} when it fires, a test after advancing
 * a fake clock. Thread-safe.
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

  private final Clock clock;
  private final Duration maxLeading;
  private final Duration maxRegistrationDelay;
  private Instant elected;
  private Instant subscribing;
  private boolean registered;

  LeaderTerm(Clock clock, Duration maxLeading, Duration maxRegistrationDelay) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxLeading = requirePositive(maxLeading, "maxLeading");
    this.maxRegistrationDelay = requirePositive(maxRegistrationDelay, "maxRegistrationDelay");
  }

  /** Leadership began now; the leading clock starts. */
  synchronized void elected() {
    elected = clock.instant();
  }

  /** Subscription to Mesos was asked for now; the registration clock starts. */
  synchronized void subscribing() {
    subscribing = clock.instant();
  }

  /** Registered with Mesos: the registration deadline no longer applies. */
  synchronized void registered() {
    registered = true;
  }

  /** The first deadline that has passed, if any; none before {@link #elected()}. */
  synchronized Optional<Expiry> expired() {
    Instant now = clock.instant();
    if (subscribing != null && !registered
        && !now.isBefore(subscribing.plus(maxRegistrationDelay))) {
      return Optional.of(new Expiry(Kind.NOT_REGISTERED,
          "not registered with Mesos within -max_registration_delay="
              + DurationFormat.format(maxRegistrationDelay)));
    }
    if (elected != null && !now.isBefore(elected.plus(maxLeading))) {
      return Optional.of(new Expiry(Kind.LED_LONG_ENOUGH,
          "led for " + DurationFormat.format(
              Duration.between(elected, now).truncatedTo(ChronoUnit.SECONDS))
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
    Instant next = null;
    if (subscribing != null && !registered) {
      next = subscribing.plus(maxRegistrationDelay);
    }
    if (elected != null) {
      Instant stepDown = elected.plus(maxLeading);
      next = next == null || stepDown.isBefore(next) ? stepDown : next;
    }
    if (next == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), next);
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  private static Duration requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }
}
