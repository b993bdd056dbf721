package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.base.Ticker;
import io.aurora.scheduling.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaderTermTest {
  private final FakeClock clock = new FakeClock();
  /** Monotonic time that follows the fake clock's advances. */
  private final Ticker ticker = new Ticker() {
    @Override
    public long read() {
      return clock.millis() * 1_000_000L;
    }
  };
  private final LeaderTerm term =
      new LeaderTerm(ticker, Duration.ofDays(1), Duration.ofMinutes(1));

  @Test
  void beforeElection_nothingExpires() {
    clock.advance(Duration.ofDays(30));
    assertThat(term.expired()).isEmpty();
  }

  @Test
  void leader_stepsDownExactlyAfterMaxLeadingDuration() {
    term.elected();
    term.subscribing();
    term.registered();
    clock.advance(Duration.ofDays(1).minusMillis(1));
    assertThat(term.expired()).isEmpty();

    clock.advance(Duration.ofMillis(1));
    LeaderTerm.Expiry expiry = term.expired().orElseThrow();
    assertThat(expiry.kind()).isEqualTo(LeaderTerm.Kind.LED_LONG_ENOUGH);
    assertThat(expiry.reason()).isEqualTo("led for 1days (-max_leading_duration=1days);"
        + " stepping down so that another scheduler takes over");
  }

  @Test
  void leadingTime_countsFromElection_notFromRegistration() {
    term.elected();
    clock.advance(Duration.ofSeconds(50));
    term.subscribing();
    clock.advance(Duration.ofSeconds(5));
    term.registered();
    clock.advance(Duration.ofDays(1).minusSeconds(55));
    assertThat(term.expired()).map(LeaderTerm.Expiry::kind)
        .contains(LeaderTerm.Kind.LED_LONG_ENOUGH);
  }

  @Test
  void notRegisteredWithinTheDelay_fails() {
    term.elected();
    clock.advance(Duration.ofSeconds(10)); // catching up with the log
    term.subscribing();
    clock.advance(Duration.ofSeconds(59));
    assertThat(term.expired()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    LeaderTerm.Expiry expiry = term.expired().orElseThrow();
    assertThat(expiry.kind()).isEqualTo(LeaderTerm.Kind.NOT_REGISTERED);
    assertThat(expiry.reason())
        .isEqualTo("not registered with Mesos within -max_registration_delay=1mins");
  }

  @Test
  void registeredInTime_neverFailsRegistration() {
    term.elected();
    term.subscribing();
    clock.advance(Duration.ofSeconds(59));
    term.registered();
    clock.advance(Duration.ofHours(23));
    assertThat(term.expired()).isEmpty();
  }

  @Test
  void nextDeadline_isRegistrationWhilePending_thenTheStepDown_andNeverNegative() {
    assertThat(term.untilNextDeadline()).isEmpty();
    term.elected();
    assertThat(term.untilNextDeadline()).contains(Duration.ofDays(1));
    clock.advance(Duration.ofSeconds(10));
    term.subscribing();
    assertThat(term.untilNextDeadline()).contains(Duration.ofMinutes(1));
    clock.advance(Duration.ofSeconds(20));
    term.registered();
    assertThat(term.untilNextDeadline()).contains(Duration.ofDays(1).minusSeconds(30));
    clock.advance(Duration.ofDays(2));
    assertThat(term.untilNextDeadline()).contains(Duration.ZERO);
  }

  @Test
  void durations_mustBePositive() {
    assertThatThrownBy(() -> new LeaderTerm(ticker, Duration.ZERO, Duration.ofMinutes(1)))
        .hasMessageContaining("maxLeading");
    assertThatThrownBy(() -> new LeaderTerm(ticker, Duration.ofDays(1), Duration.ofSeconds(-1)))
        .hasMessageContaining("maxRegistrationDelay");
  }
}
