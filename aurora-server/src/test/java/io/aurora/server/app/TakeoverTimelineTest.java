package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Ticker;
import io.aurora.server.app.TakeoverTimeline.Step;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TakeoverTimelineTest {
  private long nanos = 5_000_000_000L;
  private final Ticker ticker = new Ticker() {
    @Override
    public long read() {
      return nanos;
    }
  };
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> lines = new ArrayList<>();
  private final TakeoverTimeline timeline = new TakeoverTimeline(ticker, registry, lines::add);

  private void advanceMs(long ms) {
    nanos += ms * 1_000_000L;
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private void markAfter(long ms, Step step) {
    advanceMs(ms);
    timeline.mark(step);
  }

  @Test
  void beforeAnything_everyGaugeReadsMinusOne() {
    for (Step step : Step.values()) {
      if (step != Step.LEADER_GONE_SEEN && step != Step.LEADERSHIP_ACQUIRED) {
        assertThat(gauge(step.gaugeName())).as(step.gaugeName()).isEqualTo(-1);
      }
    }
    assertThat(gauge("takeover_total_ms")).isEqualTo(-1);
    assertThat(gauge("takeover_leader_gone_to_leadership_ms")).isEqualTo(-1);
    assertThat(lines).isEmpty();
  }

  @Test
  void aFullTakeover_logsEachStepWithItsDelta_thenTheSummary_andFillsEveryGauge() {
    markAfter(0, Step.LEADER_GONE_SEEN);
    markAfter(4, Step.LEADERSHIP_ACQUIRED);
    markAfter(30, Step.LOG_WRITER_ELECTED);
    markAfter(12, Step.STORAGE_LEADING);
    markAfter(1, Step.SUBSCRIBING);
    markAfter(200, Step.SUBSCRIBED);
    markAfter(50, Step.ACTIVE);
    markAfter(5, Step.ANNOUNCED);
    markAfter(100, Step.FIRST_WRITE);

    assertThat(lines).containsExactly(
        "Takeover: previous leader's lock seen gone at +0 ms",
        "Takeover: leadership acquired at +4 ms (4 ms after previous leader's lock seen gone)",
        "Takeover: log writer elected at +34 ms (30 ms after leadership acquired)",
        "Takeover: storage leading (caught up) at +46 ms (12 ms after log writer elected)",
        "Takeover: Mesos subscription started at +47 ms (1 ms after storage leading (caught up))",
        "Takeover: subscribed to Mesos at +247 ms (200 ms after Mesos subscription started)",
        "Takeover: runtime started (ACTIVE) at +297 ms (50 ms after subscribed to Mesos)",
        "Takeover: serverset member announced at +302 ms (5 ms after runtime started (ACTIVE))",
        "Takeover: first durable write at +402 ms (100 ms after serverset member announced)",
        "Takeover timeline: ms from leadership acquired: leader_gone_seen -4,"
            + " log_writer_elected +30, storage_leading +42, subscribing +43, subscribed +243,"
            + " active +293, announced +298, first_write +398; total 398 ms;"
            + " 402 ms from the previous leader's lock seen gone");
    assertThat(gauge("takeover_leader_gone_to_leadership_ms")).isEqualTo(4);
    assertThat(gauge("takeover_log_writer_elected_ms")).isEqualTo(30);
    assertThat(gauge("takeover_storage_leading_ms")).isEqualTo(42);
    assertThat(gauge("takeover_subscribing_ms")).isEqualTo(43);
    assertThat(gauge("takeover_subscribed_ms")).isEqualTo(243);
    assertThat(gauge("takeover_active_ms")).isEqualTo(293);
    assertThat(gauge("takeover_announced_ms")).isEqualTo(298);
    assertThat(gauge("takeover_first_write_ms")).isEqualTo(398);
    assertThat(gauge("takeover_total_ms")).isEqualTo(398);
  }

  @Test
  void aFirstWriteBeforeActive_isLoggedInItsPlace_andTheTotalEndsAtTheLastStep() {
    markAfter(0, Step.LEADERSHIP_ACQUIRED);
    markAfter(10, Step.LOG_WRITER_ELECTED);
    markAfter(10, Step.STORAGE_LEADING);
    markAfter(0, Step.SUBSCRIBING);
    markAfter(100, Step.SUBSCRIBED);
    markAfter(3, Step.FIRST_WRITE);
    markAfter(40, Step.ACTIVE);
    assertThat(gauge("takeover_total_ms")).as("not all steps yet").isEqualTo(-1);
    markAfter(7, Step.ANNOUNCED);

    assertThat(lines.get(5))
        .isEqualTo("Takeover: first durable write at +123 ms (3 ms after subscribed to Mesos)");
    assertThat(lines.get(6))
        .isEqualTo("Takeover: runtime started (ACTIVE) at +163 ms (40 ms after first durable write)");
    assertThat(lines.get(8)).startsWith("Takeover timeline:")
        .contains("first_write +123").endsWith("total 170 ms; the previous leader's end was not seen");
    assertThat(gauge("takeover_first_write_ms")).isEqualTo(123);
    assertThat(gauge("takeover_total_ms")).isEqualTo(170);
    assertThat(gauge("takeover_leader_gone_to_leadership_ms")).isEqualTo(-1);
  }

  @Test
  void aMissingStep_leavesItsGaugeAtMinusOne_andNoSummary() {
    markAfter(0, Step.LEADERSHIP_ACQUIRED);
    markAfter(10, Step.LOG_WRITER_ELECTED);
    markAfter(10, Step.STORAGE_LEADING);
    markAfter(0, Step.SUBSCRIBING);
    // never subscribed, so never ACTIVE or announced
    markAfter(5, Step.FIRST_WRITE);

    assertThat(lines).hasSize(5).noneMatch(l -> l.startsWith("Takeover timeline"));
    assertThat(gauge("takeover_subscribed_ms")).isEqualTo(-1);
    assertThat(gauge("takeover_active_ms")).isEqualTo(-1);
    assertThat(gauge("takeover_first_write_ms")).isEqualTo(25);
    assertThat(gauge("takeover_total_ms")).isEqualTo(-1);
  }

  @Test
  void eachStepCountsOnce_butTheLatestLeaderGoneBeforeLeadershipWins() {
    markAfter(0, Step.LEADER_GONE_SEEN);       // an earlier leader, succeeded by another
    markAfter(60_000, Step.LEADER_GONE_SEEN);  // the one this process succeeds
    markAfter(3, Step.LEADERSHIP_ACQUIRED);
    markAfter(5, Step.LEADERSHIP_ACQUIRED);
    markAfter(10, Step.LOG_WRITER_ELECTED);
    markAfter(10, Step.LEADER_GONE_SEEN);      // our own lock released at the end: not a takeover

    assertThat(gauge("takeover_leader_gone_to_leadership_ms")).isEqualTo(3);
    assertThat(gauge("takeover_log_writer_elected_ms")).isEqualTo(15);
    assertThat(lines).hasSize(4);
  }

  @Test
  void aLeaderGoneSeenJustAfterLeadership_racingWatches_stillCounts() {
    markAfter(0, Step.LEADERSHIP_ACQUIRED);
    markAfter(2, Step.LEADER_GONE_SEEN);

    assertThat(lines).containsExactly("Takeover: leadership acquired at +0 ms",
        "Takeover: previous leader's lock seen gone at +2 ms (2 ms after leadership acquired)");
    assertThat(gauge("takeover_leader_gone_to_leadership_ms")).isEqualTo(-2);
  }
}
